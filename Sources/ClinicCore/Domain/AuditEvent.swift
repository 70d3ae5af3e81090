public import Foundation

/// Who did what, when, from which device. Every write appends exactly one.
public struct AuditEvent: Identifiable, Hashable, Sendable, Codable {
    public var id: UUID
    public var at: Date
    public var deviceID: EntityID<Device>
    public var userID: EntityID<User>?
    /// The username, or `system:<what>` for writes made by a command rather than a person.
    public var actor: String
    /// Dotted action name (`patient.register`).
    public var action: String
    public var entityTable: String
    public var entityID: String
    /// A short human description ("Registered Smith, John (KD3-000417)").
    public var summary: String

    public init(
        id: UUID, at: Date, deviceID: EntityID<Device>, userID: EntityID<User>?, actor: String,
        action: String, entityTable: String, entityID: String, summary: String
    ) {
        self.id = id
        self.at = at
        self.deviceID = deviceID
        self.userID = userID
        self.actor = actor
        self.action = action
        self.entityTable = entityTable
        self.entityID = entityID
        self.summary = summary
    }
}

/// Which audit events to show: about one patient, by one user, in a time range.
public struct AuditQuery: Sendable, Hashable {
    public var patientID: EntityID<Patient>?
    /// A username (or `system:<what>`).
    public var actor: String?
    public var from: Date?
    /// Exclusive.
    public var to: Date?
    public var limit: Int

    public init(patientID: EntityID<Patient>? = nil, actor: String? = nil, from: Date? = nil, to: Date? = nil, limit: Int = 10_000) {
        self.patientID = patientID
        self.actor = actor
        self.from = from
        self.to = to
        self.limit = limit
    }
}

/// One line of the audit trail as shown: the event, the patient it concerns and the device.
public struct AuditTrailEntry: Sendable, Hashable {
    public var event: AuditEvent
    public var patientMRN: String?
    public var patientName: String?
    /// The device's name when it is this one, else its id.
    public var device: String

    public init(event: AuditEvent, patientMRN: String?, patientName: String?, device: String) {
        self.event = event
        self.patientMRN = patientMRN
        self.patientName = patientName
        self.device = device
    }
}
