import ClinicCore
import Foundation
import GRDBSQLite

/// The patient queries ``ClinicStore/searchPatients(text:limit:)`` answers, as raw index and
/// full-text SQL through the SQLite C API with no ranking and no mapping to values: the floor
/// that `scripts/bench` compares the store's search with, and the `LIKE '%…%'` scan typical
/// systems use. For benchmarks only; it lives here because only ClinicStore touches SQLite.
public final class PatientSearchFloor {
    private var db: OpaquePointer?

    /// Opens the clinic database at `path` read-only.
    public init(path: String) throws(StoreError) {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            // SQLite hands back a handle even when opening fails; close it here and forget it,
            // so deinit (which runs for a fully initialised object) does not close it twice.
            sqlite3_close_v2(db)
            db = nil
            throw StoreError.database("cannot open \(path) with the SQLite C API")
        }
    }

    deinit {
        sqlite3_close_v2(db)
    }

    /// Runs the query the store would run for `text`, returning the number of rows stepped.
    public func run(_ text: String) -> Int {
        switch PatientQuery.parse(text) {
        case .empty:
            return 0
        case let .name(tokens):
            let match = tokens.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }.joined(separator: " ")
            return rows("SELECT rowid FROM patient_name_fts WHERE patient_name_fts MATCH ?1 LIMIT 20", match)
        case let .digits(digits):
            var count = rows("SELECT rowid FROM patient WHERE mrn_serial = ?1 LIMIT 20", Int(digits.prefix(9)) ?? -1)
            if digits.count >= 3 {
                count += rows("SELECT rowid FROM patient_phone_fts WHERE patient_phone_fts MATCH ?1 LIMIT 20", "\"\(digits)\"")
            }
            return count
        case let .birthDate(date):
            return rows("SELECT rowid FROM patient WHERE birth_date = ?1 LIMIT 20", date.description)
        case let .mrn(text):
            if let mrn = MRN(text) { return rows("SELECT rowid FROM patient WHERE mrn = ?1 LIMIT 20", mrn.description) }
            return rows("SELECT rowid FROM patient WHERE mrn_serial = ?1 LIMIT 20", Int(text) ?? -1)
        }
    }

    /// What typical systems do for names: `LIKE '%…%'` per word over the names, ordered by name.
    public func like(_ text: String) -> Int {
        guard case let .name(tokens) = PatientQuery.parse(text) else { return 0 }
        let clauses = tokens.indices.map { "(family_name || ' ' || given_name) LIKE ?\($0 + 1)" }.joined(separator: " AND ")
        return rows("SELECT rowid FROM patient WHERE \(clauses) ORDER BY family_name, given_name LIMIT 20", tokens.map { "%\($0)%" })
    }

    private func rows(_ sql: String, _ argument: Any) -> Int {
        rows(sql, [argument])
    }

    private func rows(_ sql: String, _ arguments: [Any]) -> Int {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { return 0 }
        defer { sqlite3_finalize(statement) }
        for (index, argument) in arguments.enumerated() {
            let position = Int32(index + 1)
            switch argument {
            case let value as Int: sqlite3_bind_int64(statement, position, Int64(value))
            case let value as String: sqlite3_bind_text(statement, position, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            default: break
            }
        }
        var count = 0
        while sqlite3_step(statement) == SQLITE_ROW { count += 1 }
        return count
    }
}
