public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Whether this device, restored from a backup, has still to take back the end of its audit
    /// trail from the server before it sends more of it.
    public func auditResumeNeeded() throws(StoreError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT audit_resume FROM local_device") ?? false }
    }

    /// The number of the last audit event the server is known to hold for this device.
    public func auditSentSeq() throws(StoreError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT audit_sent_seq FROM sync_state") ?? 0 }
    }

    /// Takes back the events the server holds of this device's chain after what it last knew it
    /// sent (`held`, oldest first: those it wrote after its backup and sent before the restore),
    /// and numbers its own events written since the restore after them, so that its trail is
    /// whole again and goes on where the server's does. The events taken back must continue this
    /// device's chain; otherwise nothing changes and the refusal says why.
    public func resumeAuditChain(with held: [AuditLink]) throws(StoreError) {
        try maintain(["sync_state", AuditEventRecord.databaseTableName]) { db in
            // The server holds nothing this device lacks: its chain goes on as it is.
            guard let last = held.last else {
                try db.execute(sql: "UPDATE local_device SET audit_resume = 0")
                return
            }
            let sent = try Int64.fetchOne(db, sql: "SELECT audit_sent_seq FROM sync_state") ?? 0
            let device = try String.fetchOne(db, sql: "SELECT device_id FROM local_device") ?? ""
            var previous = try String.fetchOne(db, sql: "SELECT chain_hash FROM audit_event WHERE device_id = ? AND chain_seq = ?",
                                               arguments: [device, sent]) ?? ""
            // The server's copy must continue the chain this device holds up to `sent`.
            var expected = sent
            for event in held {
                expected += 1
                guard event.seq == expected, event.hash == AuditChain.link(event, after: previous, hash: AuditChainSchema.sha256) else {
                    throw StoreError.database("the server's copy of this device's audit trail does not continue it at event #\(expected)")
                }
                previous = event.hash ?? ""
            }
            let local = try AuditEventRecord.filter(Column("device_id") == device && Column("chain_seq") > sent)
                .order(Column("chain_seq")).fetchAll(db)
            // Events both hold (written before the backup, sent after it) are the same; where they part, the
            // device's own go after the server's.
            var same = 0
            while same < local.count, same < held.count, local[same].chainHash == held[same].hash { same += 1 }
            let moved = Array(local[same...])
            for event in moved {
                try db.execute(sql: "UPDATE audit_event SET chain_seq = -chain_seq WHERE id = ?", arguments: [event.id])
            }
            for event in held[same...] {
                var record = AuditEventRecord(
                    id: event.id, at: event.at, deviceID: device, userID: event.userID, actor: event.actor, action: event.action,
                    entityTable: event.entityTable, entityID: event.entityID, patientID: event.patientID, summary: event.summary,
                    hlc: event.hlc, chainSeq: event.seq, chainHash: event.hash)
                try record.insert(db, onConflict: .ignore)
            }
            var head = (seq: last.seq ?? sent, hash: last.hash ?? previous)
            for var event in moved {
                event.chainSeq = head.seq + 1
                event.chainHash = AuditChain.link(event.link, after: head.hash, hash: AuditChainSchema.sha256)
                try event.update(db, columns: ["chain_seq", "chain_hash"])
                head = (head.seq + 1, event.chainHash ?? "")
            }
            try db.execute(sql: "UPDATE local_device SET audit_seq = ?, audit_hash = ?, audit_resume = 0", arguments: [head.seq, head.hash])
            try db.execute(sql: "UPDATE sync_state SET audit_sent_seq = max(audit_sent_seq, ?)", arguments: [last.seq])
        }
    }
}
