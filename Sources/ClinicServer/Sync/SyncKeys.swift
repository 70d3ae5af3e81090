import ClinicCore
import Foundation
import SyncProtocol

/// One synced row of one clinic: its table and id.
struct RowKey: Hashable, Sendable, Comparable {
    let table: String
    let rowID: UUID

    static func < (lhs: RowKey, rhs: RowKey) -> Bool {
        if lhs.table != rhs.table { return lhs.table < rhs.table }
        return lhs.rowID.lowercased < rhs.rowID.lowercased
    }
}

/// One field of one synced row.
struct FieldKey: Hashable, Sendable {
    let table: String
    let rowID: UUID
    let field: String

    var row: RowKey { RowKey(table: table, rowID: rowID) }
}

/// What the server holds for one field: the winning value, its clock, and the write it came from.
struct StoredField: Hashable, Sendable {
    var value: FieldValue
    var hlc: HLCTimestamp
    var device: UUID
    var changeID: UUID

    /// The merge policy's view of it.
    var state: FieldState { FieldState(value: value, hlc: hlc) }
}

/// The outcome stored the first time a change id was pushed.
struct StoredOutcome: Hashable, Sendable {
    var outcome: ChangeOutcome
    var reason: String?
}

/// Another row of an append-only table that already supersedes some id.
struct Supersession: Hashable, Sendable {
    var rowID: UUID
    var write: StoredField
}

/// The id a correction supersedes, in one table: two different rows with the same key are a
/// double correction.
struct SupersessionKey: Hashable, Sendable {
    let table: String
    /// `FieldValue.jsonText` of the superseded id.
    let supersededValue: String
}

extension SyncedTables {
    /// The field by which a row of an append-only table corrects an earlier one.
    static let supersedesField = "supersedes_id"

    /// Fields of an append-only table that may still change after the row is written.
    static let removalFields: Set<String> = ["deleted_at", "delete_reason"]
}
