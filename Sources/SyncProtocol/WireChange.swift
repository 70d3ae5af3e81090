public import ClinicCore
public import Foundation

/// One change as it travels: one field of one row, or a whole row for a snapshot.
public struct WireChange: Codable, Hashable, Sendable {
    /// Idempotency key: a change id is applied at most once.
    public var changeID: UUID
    /// The changes of one user intent share it; a pull page never splits one.
    public var transactionID: UUID
    public var table: String
    public var rowID: UUID
    public var operation: ChangeOperation
    /// The field written; nil for snapshots.
    public var field: String?
    /// The new value; nil for snapshots.
    public var value: FieldValue?
    /// The value the writer saw before; nil for inserts and snapshots.
    public var base: FieldValue?
    /// Every non-null field of the row, for snapshots only.
    public var values: [String: FieldValue]?
    public var hlc: HLCTimestamp
    public var userID: UUID?
    public var schemaVersion: Int

    public init(
        changeID: UUID, transactionID: UUID, table: String, rowID: UUID, operation: ChangeOperation,
        field: String? = nil, value: FieldValue? = nil, base: FieldValue? = nil, values: [String: FieldValue]? = nil,
        hlc: HLCTimestamp, userID: UUID?, schemaVersion: Int = ClinicSchema.version
    ) {
        self.changeID = changeID
        self.transactionID = transactionID
        self.table = table
        self.rowID = rowID
        self.operation = operation
        self.field = field
        self.value = value
        self.base = base
        self.values = values
        self.hlc = hlc
        self.userID = userID
        self.schemaVersion = schemaVersion
    }

    /// The field writes this change carries: one for a field change, one per field for a snapshot.
    public var fieldWrites: [(field: String, write: FieldWrite)] {
        if operation == .snapshot {
            return (values ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, FieldWrite(value: $0.value, base: nil, hlc: hlc)) }
        }
        guard let field, let value else { return [] }
        return [(field, FieldWrite(value: value, base: base, hlc: hlc))]
    }

    enum CodingKeys: String, CodingKey {
        case changeID = "change_id", transactionID = "transaction_id", table, rowID = "row_id", operation, field
        case value, base, values, hlc, userID = "user_id", schemaVersion = "schema_version"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        changeID = try container.decode(UUID.self, forKey: .changeID)
        transactionID = try container.decode(UUID.self, forKey: .transactionID)
        table = try container.decode(String.self, forKey: .table)
        rowID = try container.decode(UUID.self, forKey: .rowID)
        operation = try container.decode(ChangeOperation.self, forKey: .operation)
        field = try container.decodeIfPresent(String.self, forKey: .field)
        // A present `null` is a value (the field was cleared); an absent key is no value.
        value = container.contains(.value) ? try container.decode(FieldValue.self, forKey: .value) : nil
        base = container.contains(.base) ? try container.decode(FieldValue.self, forKey: .base) : nil
        values = try container.decodeIfPresent([String: FieldValue].self, forKey: .values)
        hlc = try container.decode(HLCTimestamp.self, forKey: .hlc)
        userID = try container.decodeIfPresent(UUID.self, forKey: .userID)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(changeID, forKey: .changeID)
        try container.encode(transactionID, forKey: .transactionID)
        try container.encode(table, forKey: .table)
        try container.encode(rowID, forKey: .rowID)
        try container.encode(operation, forKey: .operation)
        try container.encodeIfPresent(field, forKey: .field)
        if let value { try container.encode(value, forKey: .value) }
        if let base { try container.encode(base, forKey: .base) }
        try container.encodeIfPresent(values, forKey: .values)
        try container.encode(hlc, forKey: .hlc)
        try container.encodeIfPresent(userID, forKey: .userID)
        try container.encode(schemaVersion, forKey: .schemaVersion)
    }
}
