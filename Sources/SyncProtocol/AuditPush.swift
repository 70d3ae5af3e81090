public import ClinicCore
public import Foundation

/// `POST /v1/audit/push`: the device's audit events after the last one the server accepted,
/// in chain order (append-only; the server checks each against the chain it holds).
public struct AuditPushRequest: Codable, Hashable, Sendable {
    public var schemaVersion: Int
    public var deviceID: UUID
    public var events: [WireAuditEvent]

    public init(schemaVersion: Int = WireVersion.current, deviceID: UUID, events: [WireAuditEvent]) {
        self.schemaVersion = schemaVersion
        self.deviceID = deviceID
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", deviceID = "device", events
    }
}

/// One audit event as it travels: every field the chain hashes, and its hash.
public struct WireAuditEvent: Codable, Hashable, Sendable {
    public var seq: Int64
    public var id: String
    public var at: String
    public var userID: String?
    public var actor: String
    public var action: String
    public var entityTable: String
    public var entityID: String
    public var patientID: String?
    public var summary: String
    public var hlc: String?
    public var hash: String

    enum CodingKeys: String, CodingKey {
        case seq, id, at, actor, action, summary, hlc, hash
        case userID = "user_id", entityTable = "entity_table", entityID = "entity_id", patientID = "patient_id"
    }

    /// A chained event of this device; nil for one without a number or hash (never chained).
    public init?(_ link: AuditLink) {
        guard let seq = link.seq, let hash = link.hash else { return nil }
        self.seq = seq
        id = link.id
        at = link.at
        userID = link.userID
        actor = link.actor
        action = link.action
        entityTable = link.entityTable
        entityID = link.entityID
        patientID = link.patientID
        summary = link.summary
        hlc = link.hlc
        self.hash = hash
    }

    /// The event as the chain hashes it, on `device`.
    public func link(device: String) -> AuditLink {
        AuditLink(seq: seq, id: id, at: at, deviceID: device, userID: userID, actor: actor, action: action, entityTable: entityTable,
                  entityID: entityID, patientID: patientID, summary: summary, hlc: hlc, hash: hash)
    }
}

/// The answer: the newest event number the server now holds for the device.
public struct AuditPushResponse: Codable, Hashable, Sendable {
    public var acceptedThrough: Int64

    public init(acceptedThrough: Int64) {
        self.acceptedThrough = acceptedThrough
    }

    enum CodingKeys: String, CodingKey {
        case acceptedThrough = "accepted_through"
    }
}

/// `GET /v1/audit/events?after=N&limit=L`: the device's own audit events the server holds after
/// number `after`, in chain order. A device restored from a backup takes back the part of its
/// trail it wrote after the backup, so that its chain goes on where the server's does.
public struct AuditEventsResponse: Codable, Hashable, Sendable {
    public var events: [WireAuditEvent]
    public var hasMore: Bool

    public init(events: [WireAuditEvent], hasMore: Bool) {
        self.events = events
        self.hasMore = hasMore
    }

    enum CodingKeys: String, CodingKey {
        case events, hasMore = "has_more"
    }
}
