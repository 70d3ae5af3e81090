public import ClinicCore
public import TerminalKit

/// The staff screen: every user as last read, and which row is selected.
public struct StaffState: Hashable, Sendable {
    /// Nil until the first read answers.
    public var members: [StaffMember]?
    public var list = ListState()
    /// Whether the screen is open (it reads again when the store changes only then).
    public var isOpen = false

    public init() {}

    public var rows: [StaffMember] { members ?? [] }
}

/// The staff screen and its dialogs, on the one modal stack.
public enum StaffModal: Hashable, Sendable {
    case roster
    /// A new user: username, name, role.
    case add(FormDialog)
    /// The role a user gets.
    case role(User, ChoiceDialog)
}

/// A new user as the add form describes them.
public struct StaffDraft: Hashable, Sendable {
    public var username: String
    public var displayName: String
    public var role: Role

    public init(username: String, displayName: String, role: Role) {
        self.username = username
        self.displayName = displayName
        self.role = role
    }
}
