public import ClinicCore
public import Foundation
import GRDB

/// What a restore did.
public struct RestoreOutcome: Sendable {
    public var check: BackupCheck
    /// Where the database that was replaced now is (with its WAL), or nil when there was none.
    public var replacedKeptAt: String?
    /// The numbers this device skips so as never to issue one again that it gave out after the backup.
    public var mrnGap: ClosedRange<Int>
    public var receiptGap: ClosedRange<Int>
}

extension ClinicStore {
    /// How far a restored device's MRN and receipt counters move on: a backup is at most a day
    /// or so older than the device it replaces, and no desk registers ten thousand patients or
    /// takes ten thousand payments in that time. Its first sync after the restore moves them past
    /// anything it finds it issued, too (see ``PullApplier``).
    public static let restoreCounterGap = 10_000

    /// Writes a new database at `target` from a plain (decrypted) backup at `source`, which is
    /// checked first and left as it is.
    ///
    /// An existing database at `target` is replaced only with `replace`, and only when no process
    /// has it open (every terminal and `clinicdesk sync` closed); it is kept beside the new one as
    /// `<target>.replaced-<time>` with its WAL. The restored database is an older copy of this
    /// device: it is brought up to date with the schema, its MRN and receipt counters skip
    /// ``restoreCounterGap`` numbers (an MRN or receipt number issued after the backup may be on
    /// the server already), its next sync takes back its own changes from after the backup, and
    /// the restore is audited.
    /// - Parameter access: who may open the restored files; by default the replaced database's, else the backup's.
    public static func restore(from source: String, to target: String, replace: Bool, access: FileAccess? = nil,
                               environment: StoreEnvironment = .live) throws(StoreError) -> RestoreOutcome
    {
        // A backup is one file; a live database's WAL beside it holds commits the file alone does not.
        if let size = try? FileManager.default.attributesOfItem(atPath: source + "-wal")[.size] as? Int, size > 0 {
            throw .alreadyExists("\(source) has a write-ahead log beside it (\(source)-wal): it is a live database, not a backup. "
                + "Make a backup of it with `clinicdesk backup --db \(source)` and restore that. Nothing was changed.")
        }
        let check = try checkBackup(at: source)
        var kept: String?
        let targetURL = URL(fileURLWithPath: target)
        let exists = FileManager.default.fileExists(atPath: target)
        let access = access ?? (exists ? FileAccess.matching(target) : FileAccess.matching(source))
        let stamp = ISOInstant.format(environment.clock.now()).replacingOccurrences(of: ":", with: "")
        if exists {
            guard replace else {
                throw .alreadyExists("A database exists at \(target); add --replace to replace it (it is kept beside the restored one).")
            }
            if let process = DatabaseInUse.holder(of: target) {
                throw .alreadyExists("\(target) is open in process \(process): close every ClinicDesk terminal and "
                    + "`clinicdesk sync` on it first, then restore again. Nothing was changed.")
            }
            try sameDevice(backup: source, replaced: target)
            kept = "\(target).replaced-\(stamp)"
            try moveDatabase(from: target, to: kept!)
        } else {
            try access.makeFolders(targetURL.deletingLastPathComponent())
            // A log left without its database (someone removed only the main file) must not be replayed onto the backup.
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: target + suffix) {
                try StoreErrors.mapping(path: target) {
                    try FileManager.default.moveItem(atPath: target + suffix, toPath: "\(target).orphaned-\(stamp)\(suffix)")
                }
            }
        }
        let partial = target + ".restoring"
        try? moveAside(partial)
        do throws(StoreError) {
            try StoreErrors.mapping(path: partial) { try FileManager.default.copyItem(atPath: source, toPath: partial) }
            try access.adopt(partial)
            let gaps: (ClosedRange<Int>, ClosedRange<Int>)
            do {
                let store = try ClinicStore.open(at: partial, environment: environment)
                gaps = try store.markRestored(from: source)
                try store.close()
            }
            try moveDatabase(from: partial, to: target)
            return RestoreOutcome(check: check, replacedKeptAt: kept, mrnGap: gaps.0, receiptGap: gaps.1)
        } catch {
            try? moveAside(partial)
            if let kept { try? moveDatabase(from: kept, to: target) }
            throw error
        }
    }

    /// Removes a half-written restore (with its WAL and shared-memory files).
    private static func moveAside(_ partial: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: partial + suffix) {
            try FileManager.default.removeItem(atPath: partial + suffix)
        }
    }

    /// Refuses to put a backup of one device (or clinic) in the place of another's database: the
    /// terminal would become a second copy of that other device, issuing its MRNs and receipts.
    static func sameDevice(backup: String, replaced: String) throws(StoreError) {
        let identity = { (path: String) throws(StoreError) -> (device: String, clinic: String, name: String) in
            try StoreErrors.mapping(path: path) {
                var configuration = Configuration()
                configuration.readonly = true
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                defer { try? queue.close() }
                return try queue.read { db in
                    let row = try Row.fetchOne(db, sql: "SELECT device_id, clinic_id, device_name FROM local_device")
                    return (row?["device_id"] ?? "", row?["clinic_id"] ?? "", row?["device_name"] ?? "")
                }
            }
        }
        let from = try identity(backup)
        let into = try identity(replaced)
        guard from.device == into.device, from.clinic == into.clinic else {
            throw .alreadyExists("The backup is of the device “\(from.name)”, but \(replaced) is the device “\(into.name)”"
                + (from.clinic == into.clinic ? "" : " of another clinic")
                + ": restoring it there would make this terminal a second copy of that other device. Restore it to a new "
                + "path (--db) on the machine it came from. Nothing was changed.")
        }
    }

    /// Moves a database file with its WAL and shared-memory files.
    static func moveDatabase(from: String, to: String) throws(StoreError) {
        try StoreErrors.mapping(path: from) {
            try FileManager.default.moveItem(atPath: from, toPath: to)
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: from + suffix) {
                try FileManager.default.moveItem(atPath: from + suffix, toPath: to + suffix)
            }
        }
    }

    /// Marks this database as restored from an older copy: counters skip ahead, the next pulls
    /// take back this device's own changes, and the audit trail says so.
    func markRestored(from source: String) throws(StoreError) -> (ClosedRange<Int>, ClosedRange<Int>) {
        try write(nil, by: .system("restore")) { writer in
            let gap = Self.restoreCounterGap
            guard let row = try Row.fetchOne(writer.db, sql: """
                UPDATE local_device SET mrn_counter = mrn_counter + ?, receipt_counter = receipt_counter + ?, restored_at = ?,
                                        audit_resume = 1
                RETURNING mrn_counter, receipt_counter
                """, arguments: [gap, gap, ISOInstant.format(writer.now)])
            else { throw StoreError.notAClinicDatabase(path: path, detail: "it has no device identity") }
            let mrn: Int = row["mrn_counter"]
            let receipt: Int = row["receipt_counter"]
            let gaps = ((mrn - gap + 1)...mrn, (receipt - gap + 1)...receipt)
            try writer.audit("database.restore", table: "local_device", device.id.description,
                             "Restored from the backup \(URL(fileURLWithPath: source).lastPathComponent); MRNs \(gaps.0.lowerBound)–"
                                + "\(gaps.0.upperBound) and receipts \(gaps.1.lowerBound)–\(gaps.1.upperBound) are skipped")
            return gaps
        }
    }

    /// Closes the database's connections (a restore moves the file afterwards).
    func close() throws(StoreError) {
        try StoreErrors.mapping(path: path) { try pool.close() }
    }
}
