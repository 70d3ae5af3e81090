public import ClinicCore
public import Foundation
import GRDB

/// What a backup holds, as checked after it was written.
public struct BackupCheck: Sendable, Hashable {
    public var path: String
    /// Rows in each table of the copy.
    public var rowCounts: [String: Int]
    public var bytes: Int64

    public var totalRows: Int { rowCounts.values.reduce(0, +) }
}

extension ClinicStore {
    /// Copies the database into a new file at `destination` with SQLite's online backup, while
    /// terminals go on reading and writing (the copy is one consistent moment: a read
    /// transaction that never blocks a writer). The copy is a single self-contained file with the
    /// database's own permissions, and it is checked — `integrity_check`, and every table's row
    /// count against the database's at that moment — before this returns. A copy that fails its
    /// check is removed and the failure named.
    public func backup(to destination: String) throws(StoreError) -> BackupCheck {
        let access = FileAccess.matching(path)
        try access.createFile(destination)
        do throws(StoreError) {
            var expected: [String: Int] = [:]
            try StoreErrors.mapping(path: destination) {
                let copy = try DatabaseQueue(path: destination)
                try pool.read { db in
                    expected = try Self.rowCounts(db)
                    try copy.writeWithoutTransaction { target in try db.backup(to: target) }
                }
                // One file, no WAL beside it: a backup is copied, moved and encrypted as it is.
                try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
                try copy.close()
            }
            let check = try Self.checkBackup(at: destination)
            let differing = expected.keys.sorted().filter { expected[$0] != check.rowCounts[$0] }
            guard differing.isEmpty else {
                throw StoreError.database("the backup's row counts differ from the database's in "
                    + differing.map { "\($0) (\(check.rowCounts[$0] ?? 0) of \(expected[$0] ?? 0))" }.joined(separator: ", "))
            }
            return check
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw error
        }
    }

    /// Checks a backup (or any copy of a clinic database) without changing it: SQLite's
    /// `integrity_check`, and that it holds a clinic; answers each table's row count.
    public static func checkBackup(at path: String) throws(StoreError) -> BackupCheck {
        guard FileManager.default.fileExists(atPath: path) else { throw .missingDatabase(path: path) }
        return try StoreErrors.mapping(path: path) {
            var configuration = Configuration()
            configuration.readonly = true
            let copy = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? copy.close() }
            return try copy.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard problems == ["ok"] else {
                    throw StoreError.notAClinicDatabase(path: path, detail: "it fails SQLite's integrity check: "
                        + problems.prefix(3).joined(separator: "; "))
                }
                guard try db.tableExists(LocalDeviceRecord.databaseTableName), try ClinicRecord.fetchOne(db) != nil else {
                    throw StoreError.notAClinicDatabase(path: path, detail: "it has no clinic in it")
                }
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
                return BackupCheck(path: path, rowCounts: try rowCounts(db), bytes: size)
            }
        }
    }

    /// Rows in every ordinary table (the search index's own tables included; not SQLite's).
    static func rowCounts(_ db: Database) throws -> [String: Int] {
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
              AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name
            """)
        var counts: [String: Int] = [:]
        for table in tables { counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0 }
        return counts
    }
}
