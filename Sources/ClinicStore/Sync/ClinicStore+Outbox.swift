public import ClinicCore
public import Foundation
import GRDB

extension ClinicStore {
    /// The oldest changes waiting to be pushed, at most `limit`, never splitting one write's
    /// changes across two batches (unless that one write alone is bigger than a batch, as a
    /// bulk import is: its snapshot changes are independent rows).
    public func outboxBatch(limit: Int = 500) throws(StoreError) -> [OutboxEntry] {
        try read { db in
            var records = try ChangeRecord.order(Column("seq")).limit(limit + 1).fetchAll(db)
            if records.count > limit {
                let cut = records[limit].txID
                let kept = Array(records.prefix(limit))
                let start = kept.lastIndex { $0.txID != cut }.map { $0 + 1 } ?? 0
                records = start > 0 ? Array(kept.prefix(start)) : kept
            }
            return try records.map { record in
                let change = try record.change
                guard change.operation == .snapshot else { return OutboxEntry(change: change) }
                let state = try SyncedRow.state(table: change.table, id: change.rowID, in: db)
                return OutboxEntry(change: change, snapshotValues: state?.values.filter { $0.value != .null } ?? [:])
            }
        }
    }

    /// Stores the server's answers in one transaction, and only then removes the changes from
    /// the outbox: accepted ones are done; refused ones move to quarantine with the reason.
    public func storePushResults(_ outcomes: [UUID: PushOutcome], for entries: [OutboxEntry]) throws(StoreError) {
        let rejected = entries.filter { if case .rejected = outcomes[$0.change.changeID] { true } else { false } }
        try maintain { db in
            for entry in entries {
                guard let outcome = outcomes[entry.change.changeID] else { continue }
                if case let .rejected(reason) = outcome {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO sync_quarantine (seq, change_id, tx_id, table_name, row_id, operation, field, new_value,
                          base_value, hlc, device_id, user_id, schema_version, reason, quarantined_at)
                        SELECT seq, change_id, tx_id, table_name, row_id, operation, field, new_value, base_value, hlc, device_id,
                          user_id, schema_version, ?, ? FROM change WHERE seq = ?
                        """, arguments: [reason, ISOInstant.format(environment.clock.now()), entry.change.sequence])
                }
                try db.execute(sql: "DELETE FROM change WHERE seq = ?", arguments: [entry.change.sequence])
            }
            if let first = rejected.first, case let .rejected(reason) = outcomes[first.change.changeID] {
                var writer = try ChangeWriter(db: db, author: .system("sync"), environment: environment)
                try writer.audit("sync.quarantine", PatientRecord.self, first.change.rowID,
                                 "The server refused \(rejected.count) change\(rejected.count == 1 ? "" : "s"), kept aside: \(reason)")
            }
        }
    }

    /// Changes the server refused, oldest first.
    public func quarantinedChanges() throws(StoreError) -> [QuarantinedChange] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sync_quarantine ORDER BY seq").map { row in
                let record = ChangeRecord(
                    seq: row["seq"], changeID: row["change_id"], txID: row["tx_id"], tableName: row["table_name"],
                    rowID: row["row_id"], operation: row["operation"], field: row["field"], newValue: row["new_value"],
                    baseValue: row["base_value"], hlc: row["hlc"], deviceID: row["device_id"], userID: row["user_id"],
                    schemaVersion: row["schema_version"]
                )
                return QuarantinedChange(change: try record.change, reason: row["reason"],
                                         quarantinedAt: ISOInstant.parse(row["quarantined_at"]) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }
}
