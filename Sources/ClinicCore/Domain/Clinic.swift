public import Foundation

/// The clinic a database belongs to.
public struct Clinic: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<Clinic>
    public var name: String
    /// IANA time zone identifier of the clinic (`Europe/London`); appointments are in this time.
    public var timeZoneIdentifier: String

    public init(id: EntityID<Clinic>, name: String, timeZoneIdentifier: String) {
        self.id = id
        self.name = name
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// The clinic's time zone, falling back to UTC for an unknown identifier.
    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? .gmt }
}

/// One clinic database on one host: the unit that syncs, with its own MRN prefix.
public struct Device: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<Device>
    public var name: String
    /// Letters that start every MRN this device issues, so MRNs never collide between devices.
    public var mrnPrefix: String

    public init(id: EntityID<Device>, name: String, mrnPrefix: String) {
        self.id = id
        self.name = name
        self.mrnPrefix = mrnPrefix
    }
}

/// A member of staff who can log in.
public struct User: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<User>
    public var username: String
    public var displayName: String
    public var role: Role
    public var isActive: Bool
    /// The room a clinician calls patients to unless they name another.
    public var defaultRoom: String?

    public init(
        id: EntityID<User>, username: String, displayName: String, role: Role, isActive: Bool = true, defaultRoom: String? = nil
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.isActive = isActive
        self.defaultRoom = defaultRoom
    }
}
