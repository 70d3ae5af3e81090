import ClinicCore
import Crypto
import Foundation
import GRDB

/// The audit chain in the database: each event's number and hash, and the device's newest
/// number and hash in `local_device` (so removing the newest events shows too).
enum AuditChainSchema {
    /// SHA-256 as lowercase hex (swift-crypto, which the build already has for sync).
    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE audit_event ADD COLUMN chain_seq INTEGER")
        try db.execute(sql: "ALTER TABLE audit_event ADD COLUMN chain_hash TEXT")
        try db.execute(sql: "ALTER TABLE local_device ADD COLUMN audit_seq INTEGER NOT NULL DEFAULT 0")
        try db.execute(sql: "ALTER TABLE local_device ADD COLUMN audit_hash TEXT NOT NULL DEFAULT ''")
        try db.execute(sql: "CREATE UNIQUE INDEX audit_event_chain ON audit_event(device_id, chain_seq)")
        // The events written before the chain existed are chained in the order they were written.
        guard let device = try String.fetchOne(db, sql: "SELECT device_id FROM local_device") else { return }
        let events = try AuditEventRecord.filter(Column("device_id") == device).order(Column.rowID).fetchAll(db)
        for event in events {
            try chain(event, db, update: true)
        }
    }

    /// Numbers and hashes `event` as the next of this device's chain and writes it.
    static func append(_ event: AuditEventRecord, _ db: Database) throws {
        try chain(event, db, update: false)
    }

    private static func chain(_ event: AuditEventRecord, _ db: Database, update: Bool) throws {
        guard let head = try Row.fetchOne(db, sql: "SELECT audit_seq, audit_hash FROM local_device") else {
            throw StoreError.notAClinicDatabase(path: "database", detail: "it has no device identity")
        }
        var event = event
        event.chainSeq = (head["audit_seq"] as Int64) + 1
        event.chainHash = AuditChain.link(event.link, after: head["audit_hash"], hash: sha256)
        if update {
            try event.update(db, columns: ["chain_seq", "chain_hash"])
        } else {
            try event.insert(db)
        }
        try db.execute(sql: "UPDATE local_device SET audit_seq = ?, audit_hash = ?", arguments: [event.chainSeq, event.chainHash])
    }
}
