public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// What the status line shows about sync, read from this database (so every terminal on
    /// the host shows what the one syncing process last did).
    public func syncStatus() throws(StoreError) -> SyncStatus {
        try read { db in
            let state = try Row.fetchOne(db, sql: "SELECT online, last_success_at FROM sync_state")
            return SyncStatus(
                isEnrolled: state != nil,
                isOnline: state.flatMap { $0["online"] as Bool? },
                pendingChanges: try Int.fetchOne(db, sql: "SELECT count(*) FROM change") ?? 0,
                lastSync: state.flatMap { ($0["last_success_at"] as String?).flatMap(ISOInstant.parse) },
                openConflicts: try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL") ?? 0,
                quarantined: try Int.fetchOne(db, sql: "SELECT count(*) FROM sync_quarantine") ?? 0
            )
        }
    }

    /// Records how the last sync attempt went: success marks the device online and synced now.
    public func recordSyncAttempt(error: String?) throws(StoreError) {
        let now = ISOInstant.format(environment.clock.now())
        try maintain { db in
            if let error {
                try db.execute(sql: "UPDATE sync_state SET last_attempt_at = ?, last_error = ?, online = 0", arguments: [now, error])
            } else {
                try db.execute(sql: "UPDATE sync_state SET last_attempt_at = ?, last_success_at = ?, last_error = NULL, online = 1",
                               arguments: [now, now])
            }
        }
    }

    /// Takes (or renews) the right to sync for `seconds`; false while another live process holds it.
    /// Only one process per database pushes and pulls, so two never send the same outbox.
    ///
    /// A holder is written `host/pid/token`; a lease whose process on this host has died (killed,
    /// crashed) is taken over at once instead of waiting for it to expire.
    public func acquireSyncLease(holder: String, seconds: Int = 30) throws(StoreError) -> Bool {
        let now = environment.clock.now()
        return try maintain { db in
            if let row = try Row.fetchOne(db, sql: "SELECT holder, expires_at FROM sync_lease"),
               row["holder"] as String != holder,
               let expires = ISOInstant.parse(row["expires_at"]), expires > now,
               SyncLeaseHolder.isAlive(row["holder"]) {
                return false
            }
            try db.execute(sql: "INSERT OR REPLACE INTO sync_lease (singleton, holder, expires_at) VALUES (1, ?, ?)",
                           arguments: [holder, ISOInstant.format(now.addingTimeInterval(TimeInterval(seconds)))])
            return true
        }
    }

    /// Gives the lease up (on a clean exit) so the next process need not wait for it to expire.
    public func releaseSyncLease(holder: String) throws(StoreError) {
        try maintain { db in try db.execute(sql: "DELETE FROM sync_lease WHERE holder = ?", arguments: [holder]) }
    }

    /// Every synced field with a value, as sorted ``SyncDigest`` lines, passed one at a time to
    /// `body` (so a large clinic is hashed without holding it in memory). Tables, rows and fields
    /// are visited in byte order of `name + "\u{1F}"`, which is the order of the lines.
    public func forEachDigestLine(_ body: (String) -> Void) throws(StoreError) {
        try read { db in
            for table in SyncedTables.fields.keys.sorted(by: { Array(($0 + "\u{1F}").utf8).lexicographicallyPrecedes(Array(($1 + "\u{1F}").utf8)) }) {
                let fields = SyncedTables.fields[table]!.sorted { Array(($0 + "\u{1F}").utf8).lexicographicallyPrecedes(Array(($1 + "\u{1F}").utf8)) }
                let cursor = try Row.fetchCursor(db, sql: "SELECT id, \(fields.joined(separator: ", ")) FROM \(table) ORDER BY id")
                while let row = try cursor.next() {
                    let id: String = row["id"]
                    for field in fields {
                        if let line = SyncDigest.line(table: table, rowID: id, field: field, value: FieldValue(row[field] as DatabaseValue)) {
                            body(line)
                        }
                    }
                }
            }
        }
    }
}
