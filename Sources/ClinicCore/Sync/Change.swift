public import Foundation

/// The schema version stamped on every change this build writes; the server accepts
/// the current and the previous one.
public enum ClinicSchema {
    public static let version = 1
}

/// What a change did to its row.
public enum ChangeOperation: String, CaseIterable, Codable, Sendable {
    /// A new row; one change per field that has a value.
    case insert
    /// Fields of an existing row changed; one change per changed field, with its base value.
    case update
    /// The row was soft-deleted (its `deleted_at` and `delete_reason` fields changed).
    case delete
    /// A whole row loaded in bulk; its field values are read from the row when it is pushed.
    case snapshot
}

/// One entry of the outbox: one field of one row changed by one write.
public struct Change: Hashable, Sendable, Codable {
    /// Local order of the outbox.
    public var sequence: Int64
    /// Idempotency key: the server applies a change id at most once.
    public var changeID: UUID
    /// Groups the changes written by one user intent (the audit event's id).
    public var transactionID: UUID
    public var table: String
    public var rowID: String
    public var operation: ChangeOperation
    /// Nil for snapshot changes.
    public var field: String?
    public var newValue: FieldValue?
    /// The value the writer saw before changing it; nil for inserts and snapshots.
    public var baseValue: FieldValue?
    public var hlc: HLCTimestamp
    public var deviceID: EntityID<Device>
    public var userID: EntityID<User>?
    public var schemaVersion: Int

    public init(
        sequence: Int64, changeID: UUID, transactionID: UUID, table: String, rowID: String,
        operation: ChangeOperation, field: String?, newValue: FieldValue?, baseValue: FieldValue?,
        hlc: HLCTimestamp, deviceID: EntityID<Device>, userID: EntityID<User>?, schemaVersion: Int
    ) {
        self.sequence = sequence
        self.changeID = changeID
        self.transactionID = transactionID
        self.table = table
        self.rowID = rowID
        self.operation = operation
        self.field = field
        self.newValue = newValue
        self.baseValue = baseValue
        self.hlc = hlc
        self.deviceID = deviceID
        self.userID = userID
        self.schemaVersion = schemaVersion
    }
}
