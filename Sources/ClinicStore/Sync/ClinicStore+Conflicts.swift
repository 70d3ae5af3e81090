public import ClinicCore
public import Foundation
import GRDB

extension ClinicStore {
    /// Conflicts nobody has settled yet, oldest first.
    public func openConflicts() throws(StoreError) -> [SyncConflict] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sync_conflict WHERE resolved_at IS NULL ORDER BY detected_at, id").map { row in
                try conflict(from: row, in: db)
            }
        }
    }

    /// Settles a conflict: the chosen value is written as a normal, audited, synced edit (unless
    /// the field already shows it) and the conflict is marked resolved — one transaction.
    public func resolveConflict(_ id: UUID, keeping choice: ConflictResolution, by author: Author) throws(StoreError) {
        try write(.resolveConflicts, by: author) { writer in
            guard let row = try Row.fetchOne(writer.db, sql: "SELECT * FROM sync_conflict WHERE id = ? AND resolved_at IS NULL",
                                            arguments: [id.lowercased]) else {
                throw StoreError.notFound(what: "open conflict", id: id.lowercased)
            }
            let conflict = try conflict(from: row, in: writer.db)
            let value: FieldValue = switch choice {
            case .keepLocal: conflict.localValue
            case .keepRemote: conflict.remoteValue
            case .keepShown: conflict.shownValue
            }
            if conflict.kind != .doubleBooking {
                try writer.writeField(table: conflict.table, id: conflict.rowID, field: conflict.field, value: value)
            }
            try writer.db.execute(sql: "UPDATE sync_conflict SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?",
                                  arguments: [ISOInstant.format(writer.now), author.name, value.jsonText, id.lowercased])
            try writer.audit("sync.resolve-conflict", PatientRecord.self, conflict.rowID,
                             "Settled \(conflict.kind.rawValue) on \(conflict.field) of \(conflict.subject): kept \(value)",
                             patient: conflict.table == PatientRecord.databaseTableName ? conflict.rowID : nil)
        }
    }

    private func conflict(from row: Row, in db: Database) throws -> SyncConflict {
        func value(_ column: String) -> FieldValue { FieldValue(jsonText: row[column]) ?? .null }
        return SyncConflict(
            id: try UUID(stored: row["id"]), kind: ConflictKind(rawValue: row["kind"]) ?? .concurrentEdit,
            table: row["table_name"], rowID: row["row_id"], field: row["field"],
            localValue: value("local_value"), localHLC: try HLCTimestamp(stored: row["local_hlc"]),
            remoteValue: value("remote_value"), remoteHLC: try HLCTimestamp(stored: row["remote_hlc"]),
            shownValue: value("shown_value"), detectedAt: ISOInstant.parse(row["detected_at"]) ?? Date(timeIntervalSince1970: 0),
            subject: try SyncedRow.subject(table: row["table_name"], id: row["row_id"], in: db)
        )
    }
}

extension ChangeWriter {
    /// Writes one field of any synced row as this write's change (with its base value), keeping
    /// derived columns in step. Used where the field is named at run time (resolving conflicts).
    mutating func writeField(table: String, id: String, field: String, value: FieldValue) throws {
        guard SyncedTables.isKnown(table: table, field: field),
              let state = try SyncedRow.state(table: table, id: id, in: db) else {
            throw StoreError.notFound(what: "\(table) field \(field)", id: id)
        }
        let base = state.values[field] ?? .null
        guard base != value else { return }
        try SyncedRow.update(table: table, id: id, field: field, value: value, hlc: hlc, in: db)
        try recordFieldChange(table: table, rowID: id, field: field, new: value, base: base)
    }
}
