import ClinicCore
import Foundation
import GRDB

/// A row of a table that syncs: it carries the bookkeeping every synced row has,
/// and its other columns are the fields that change rows describe.
protocol SyncedRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    var id: String { get }
    var createdAt: String { get set }
    var deletedAt: String? { get set }
    var deleteReason: String? { get set }
    var hlc: String { get set }
    var originDevice: String { get set }
    /// Columns computed locally from other columns (search keys); never sent as changes.
    static var localColumns: Set<String> { get }
    /// Called just before the row is inserted, to fill local columns that depend on other rows.
    mutating func willInsert(_ db: Database) throws
    /// Called just before the row is updated from `old`.
    mutating func willUpdate(from old: Self, _ db: Database) throws
}

extension SyncedRecord {
    static var localColumns: Set<String> { [] }
    mutating func willInsert(_ db: Database) throws {}
    mutating func willUpdate(from old: Self, _ db: Database) throws {}

    /// Bookkeeping columns that are not fields of the record itself.
    static var bookkeepingColumns: Set<String> { ["id", "hlc", "origin_device"] }

    /// The record's fields and values, as change rows describe them (sorted by name).
    func syncedFields() throws -> [(name: String, value: FieldValue)] {
        let excluded = Self.bookkeepingColumns.union(Self.localColumns)
        return try databaseDictionary
            .filter { !excluded.contains($0.key) }
            .map { (name: $0.key, value: FieldValue($0.value)) }
            .sorted { $0.name < $1.name }
    }
}

extension FieldValue {
    /// The change-log value of a database value.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case let .int64(integer): self = .integer(integer)
        case let .double(real): self = .real(real)
        case let .string(text): self = .text(text)
        case let .blob(data): self = .text(data.base64EncodedString())
        }
    }

    /// The database value of a change-log value.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case let .integer(integer): integer.databaseValue
        case let .real(real): real.databaseValue
        case let .text(text): text.databaseValue
        }
    }
}
