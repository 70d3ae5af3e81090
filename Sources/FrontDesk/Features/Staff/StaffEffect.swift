public import ClinicCore

/// Work the staff screen asks for; every write is an admin's, checked again by the store.
public enum StaffEffect: IdentifiedEffect {
    case load
    case add(StaffDraft, User)
    case setRole(User, Role, User)
    case setActive(User, Bool, User)
    case resetPassword(User, User)
    case signOutEverywhere(User, User)
    case unlock(User, User)

    public var id: EffectID? {
        switch self {
        case .load: "staff.roster"
        case .add, .setRole, .setActive, .resetPassword, .signOutEverywhere, .unlock: nil
        }
    }

    /// A short name for the log (no names or passwords).
    var logName: String {
        switch self {
        case .load: "reading the staff"
        case .add: "adding a user"
        case .setRole: "changing a role"
        case .setActive: "disabling or enabling a user"
        case .resetPassword: "setting a temporary password"
        case .signOutEverywhere: "signing a user out everywhere"
        case .unlock: "unlocking a username"
        }
    }

    func run(_ client: StaffClient, log: @Sendable (String) -> Void) async -> [StaffAction] {
        do {
            switch self {
            case .load:
                return [.loaded(try await client.members())]
            case let .add(draft, admin):
                let (user, temporary) = try await client.add(draft, admin)
                return [.saved("Added \(user.username) (\(user.role)). Temporary password: \(temporary) — give it to them in person; "
                               + "they choose their own at their first sign-in.")]
            case let .setRole(user, role, admin):
                let saved = try await client.setRole(user.id, role, admin)
                return [.saved("\(saved.username) is now \(saved.role == .admin ? "an" : "a") \(saved.role).")]
            case let .setActive(user, active, admin):
                let saved = try await client.setActive(user.id, active, admin)
                return [.saved(active ? "Enabled \(saved.username)."
                               : "Disabled \(saved.username): they cannot sign in, and their terminals show the sign-in screen.")]
            case let .resetPassword(user, admin):
                let temporary = try await client.resetPassword(user.id, admin)
                return [.saved("Temporary password for \(user.username): \(temporary) — give it to them in person; "
                               + "they choose their own at their next sign-in.")]
            case let .signOutEverywhere(user, admin):
                let ended = try await client.signOutEverywhere(user.username, admin)
                return [.saved(ended == 0 ? "\(user.username) was not signed in anywhere."
                               : "Signed \(user.username) out of \(ended) session\(ended == 1 ? "" : "s").")]
            case let .unlock(user, admin):
                try await client.unlock(user.username, admin)
                return [.saved("Unlocked \(user.username): the next sign-in is checked at once.")]
            }
        } catch is CancellationError {
            return []
        } catch {
            log("staff: \(logName) failed: \(error)")
            return [.failed(DeskError.from(error))]
        }
    }
}

/// What the staff screen needs from the world.
public struct StaffClient: Sendable {
    public var members: @Sendable () async throws -> [StaffMember]
    /// Adds a user with a one-time temporary password; answers with the user and that password.
    public var add: @Sendable (StaffDraft, User) async throws -> (User, String)
    public var setRole: @Sendable (EntityID<User>, Role, User) async throws -> User
    public var setActive: @Sendable (EntityID<User>, Bool, User) async throws -> User
    /// Sets a one-time temporary password; answers with it.
    public var resetPassword: @Sendable (EntityID<User>, User) async throws -> String
    /// Ends every session of the username; answers how many were open.
    public var signOutEverywhere: @Sendable (String, User) async throws -> Int
    public var unlock: @Sendable (String, User) async throws -> Void

    public init(
        members: @escaping @Sendable () async throws -> [StaffMember],
        add: @escaping @Sendable (StaffDraft, User) async throws -> (User, String),
        setRole: @escaping @Sendable (EntityID<User>, Role, User) async throws -> User,
        setActive: @escaping @Sendable (EntityID<User>, Bool, User) async throws -> User,
        resetPassword: @escaping @Sendable (EntityID<User>, User) async throws -> String,
        signOutEverywhere: @escaping @Sendable (String, User) async throws -> Int,
        unlock: @escaping @Sendable (String, User) async throws -> Void
    ) {
        self.members = members
        self.add = add
        self.setRole = setRole
        self.setActive = setActive
        self.resetPassword = resetPassword
        self.signOutEverywhere = signOutEverywhere
        self.unlock = unlock
    }
}
