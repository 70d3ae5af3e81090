public import ClinicCore
public import Foundation
import GRDB

extension ClinicStore {
    /// Where and how this database syncs; nil until it is enrolled.
    public func syncSettings() throws(StoreError) -> SyncSettings? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT server_url, credential, clinic_id, cursor FROM sync_state") else { return nil }
            return SyncSettings(serverURL: row["server_url"], credential: row["credential"],
                                clinicID: try UUID(stored: row["clinic_id"]), cursor: row["cursor"])
        }
    }

    /// Records a successful enrollment: the server's clinic becomes this database's clinic.
    ///
    /// Everything written before enrolling stays in the outbox and goes out on the first sync;
    /// only the local clinic row's own creation is dropped from the outbox, because the server
    /// owns the clinic's identity. One transaction, audited.
    public func adoptEnrollment(
        serverURL: String, clinicID: UUID, clinicName: String, credential: String, by author: Author
    ) throws(StoreError) {
        try write(.manageUsers, by: author) { writer in
            guard try Int.fetchOne(writer.db, sql: "SELECT count(*) FROM sync_state") == 0 else {
                throw StoreError.alreadyExists("This database is already enrolled with \(try String.fetchOne(writer.db, sql: "SELECT server_url FROM sync_state") ?? "a server").")
            }
            let old = try String.fetchOne(writer.db, sql: "SELECT id FROM clinic LIMIT 1") ?? ""
            try writer.db.execute(sql: "UPDATE clinic SET id = ?, name = ? WHERE id = ?", arguments: [clinicID.lowercased, clinicName, old])
            try writer.db.execute(sql: "UPDATE local_device SET clinic_id = ?", arguments: [clinicID.lowercased])
            try writer.db.execute(sql: "DELETE FROM change WHERE table_name = 'clinic'")
            try writer.db.execute(sql: """
                INSERT INTO sync_state (singleton, server_url, credential, clinic_id, cursor, enrolled_at)
                VALUES (1, ?, ?, ?, 0, ?)
                """, arguments: [serverURL, credential, clinicID.lowercased, ISOInstant.format(writer.now)])
            try writer.audit("sync.enroll", ClinicRecord.self, clinicID.lowercased,
                             "Enrolled with \(serverURL) as a device of \(clinicName)")
        }
    }
}
