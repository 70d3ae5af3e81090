public import ClinicCore

/// Who is making a write: a signed-in user, or a command acting for the system.
///
/// Permissions are checked against the user's role; system writes (`clinicdesk init`,
/// the demo generator, sync) are not subject to the role matrix but are still audited.
public struct Author: Sendable, Hashable {
    public let userID: EntityID<User>?
    /// Username, or `system:<what>`.
    public let name: String
    /// Nil for the system.
    public let role: Role?

    /// A signed-in user.
    public init(user: User) {
        userID = user.id
        name = user.username
        role = user.role
    }

    private init(system label: String) {
        userID = nil
        name = "system:" + label
        role = nil
    }

    /// A command acting without a signed-in user (`system:init`, `system:demo`).
    public static func system(_ label: String) -> Author { Author(system: label) }

    /// Whether this author may do `permission`.
    public func may(_ permission: Permission) -> Bool {
        guard let role else { return true }
        return role.may(permission)
    }
}
