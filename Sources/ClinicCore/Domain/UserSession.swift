public import Foundation

/// One sign-in on one terminal: who, where, since when, and when it ended (nil while it lasts).
public struct UserSession: Identifiable, Hashable, Sendable {
    public var id: UUID
    public var userID: EntityID<User>
    public var username: String
    public var device: String
    /// The terminal it runs on (`/dev/pts/3`, or the process when there is none).
    public var terminal: String
    public var startedAt: Date
    public var lastActiveAt: Date
    public var endedAt: Date?
    /// Why it ended: "signed out", "closed", "signed out everywhere by ada".
    public var endReason: String?

    public init(id: UUID, userID: EntityID<User>, username: String, device: String, terminal: String, startedAt: Date,
                lastActiveAt: Date, endedAt: Date? = nil, endReason: String? = nil) {
        self.id = id
        self.userID = userID
        self.username = username
        self.device = device
        self.terminal = terminal
        self.startedAt = startedAt
        self.lastActiveAt = lastActiveAt
        self.endedAt = endedAt
        self.endReason = endReason
    }
}

/// A member of staff as the staff screen lists them: the user, when they last signed in, on how
/// many terminals they are signed in now, and whether wrong passwords locked their username.
public struct StaffMember: Identifiable, Hashable, Sendable {
    public var user: User
    public var lastSignIn: Date?
    public var openSessions: Int
    public var lockedUntil: Date?

    public init(user: User, lastSignIn: Date?, openSessions: Int, lockedUntil: Date?) {
        self.user = user
        self.lastSignIn = lastSignIn
        self.openSessions = openSessions
        self.lockedUntil = lockedUntil
    }

    public var id: EntityID<User> { user.id }
}
