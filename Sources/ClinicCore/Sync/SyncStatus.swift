public import Foundation


/// What the status line says about sync: is this device enrolled, reachable, and how far behind.
public struct SyncStatus: Hashable, Sendable {
    /// Whether the database is enrolled with a server at all.
    public var isEnrolled: Bool
    /// Whether the last contact with the server succeeded (nil when never tried in this session).
    public var isOnline: Bool?
    /// Changes written here that the server has not yet accepted.
    public var pendingChanges: Int
    /// When a push and pull last completed.
    public var lastSync: Date?
    /// Disagreements between devices waiting for a person.
    public var openConflicts: Int
    /// Changes the server refused, kept aside for a person to look at.
    public var quarantined: Int

    public init(
        isEnrolled: Bool = false, isOnline: Bool? = nil, pendingChanges: Int = 0, lastSync: Date? = nil,
        openConflicts: Int = 0, quarantined: Int = 0
    ) {
        self.isEnrolled = isEnrolled
        self.isOnline = isOnline
        self.pendingChanges = pendingChanges
        self.lastSync = lastSync
        self.openConflicts = openConflicts
        self.quarantined = quarantined
    }

    /// `online` only when enrolled and the last contact worked.
    public var isConnected: Bool { isEnrolled && isOnline == true }
}
