public import Foundation

/// One change waiting in the outbox, ready to send: for a snapshot, the row's current values.
public struct OutboxEntry: Hashable, Sendable {
    public var change: Change
    /// Every non-null synced field of the row, for snapshot changes only.
    public var snapshotValues: [String: FieldValue]?

    public init(change: Change, snapshotValues: [String: FieldValue]? = nil) {
        self.change = change
        self.snapshotValues = snapshotValues
    }
}

/// What the server said about one pushed change.
public enum PushOutcome: Hashable, Sendable {
    /// Applied now, or applied before (a replay): either way the change is on the server.
    case accepted
    /// Applied, but it disagreed with another device's write (the pull will show both sides).
    case acceptedWithConflict
    /// Refused, with the server's reason: kept aside for a person, never dropped.
    case rejected(reason: String)
}

/// A change from another device, as pulled from the server, in sequence order.
public struct IncomingChange: Hashable, Sendable {
    public var sequence: Int64
    public var originDevice: UUID
    public var changeID: UUID
    public var table: String
    public var rowID: String
    public var operation: ChangeOperation
    /// The field writes it carries (one, or a whole row for a snapshot).
    public var writes: [String: FieldWrite]

    public init(
        sequence: Int64, originDevice: UUID, changeID: UUID, table: String, rowID: String,
        operation: ChangeOperation, writes: [String: FieldWrite]
    ) {
        self.sequence = sequence
        self.originDevice = originDevice
        self.changeID = changeID
        self.table = table
        self.rowID = rowID
        self.operation = operation
        self.writes = writes
    }
}

/// A disagreement between two devices about one field, kept until a person decides.
public struct SyncConflict: Identifiable, Hashable, Sendable {
    public var id: UUID
    public var kind: ConflictKind
    public var table: String
    public var rowID: String
    public var field: String
    /// The value this device had, and its clock.
    public var localValue: FieldValue
    public var localHLC: HLCTimestamp
    /// The other device's value, and its clock.
    public var remoteValue: FieldValue
    public var remoteHLC: HLCTimestamp
    /// Which value the field now shows (the later write, or the later stage for statuses).
    public var shownValue: FieldValue
    public var detectedAt: Date
    /// A short description of the row ("Smith, John (RFC-000123)").
    public var subject: String

    public init(
        id: UUID, kind: ConflictKind, table: String, rowID: String, field: String, localValue: FieldValue,
        localHLC: HLCTimestamp, remoteValue: FieldValue, remoteHLC: HLCTimestamp, shownValue: FieldValue,
        detectedAt: Date, subject: String
    ) {
        self.id = id
        self.kind = kind
        self.table = table
        self.rowID = rowID
        self.field = field
        self.localValue = localValue
        self.localHLC = localHLC
        self.remoteValue = remoteValue
        self.remoteHLC = remoteHLC
        self.shownValue = shownValue
        self.detectedAt = detectedAt
        self.subject = subject
    }
}

/// How a person settles a conflict.
public enum ConflictResolution: Hashable, Sendable {
    /// Keep the value this device had.
    case keepLocal
    /// Keep the other device's value.
    case keepRemote
    /// Keep what the field shows now (both values were looked at).
    case keepShown
}

/// A change the server refused, kept aside with its reason.
public struct QuarantinedChange: Hashable, Sendable {
    public var change: Change
    public var reason: String
    public var quarantinedAt: Date

    public init(change: Change, reason: String, quarantinedAt: Date) {
        self.change = change
        self.reason = reason
        self.quarantinedAt = quarantinedAt
    }
}

/// Where this database syncs to, once enrolled.
public struct SyncSettings: Hashable, Sendable {
    public var serverURL: String
    public var credential: String
    public var clinicID: UUID
    /// The server sequence pulled up to.
    public var cursor: Int64

    public init(serverURL: String, credential: String, clinicID: UUID, cursor: Int64) {
        self.serverURL = serverURL
        self.credential = credential
        self.clinicID = clinicID
        self.cursor = cursor
    }
}
