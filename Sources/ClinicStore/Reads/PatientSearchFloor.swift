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

    /// Runs the queries the store would run for `text`, returning the number of rows stepped.
    public func run(_ text: String) -> Int {
        switch PatientQuery.parse(text) {
        case .empty:
            return 0
        case let .name(tokens):
            return name(tokens)
        case let .nameAndBirthDate(tokens, date):
            let filters = tokens.indices.map { "instr(' ' || search_name, ' ' || ?\($0 + 2)) > 0" }
            return rows("""
                SELECT rowid FROM patient INDEXED BY patient_birth_date
                WHERE birth_date = ?1 AND \(filters.joined(separator: " AND ")) LIMIT 20
                """, ([date.description] + tokens) as [Any])
        case let .digits(digits):
            return self.digits(digits)
        case let .compactDate(date, digits):
            return birthDate(date) + self.digits(digits)
        case let .internationalPhone(digits):
            return phone(digits, typed: try? PhoneNumber(parsing: "+" + digits))
        case let .birthDate(date):
            return birthDate(date)
        case let .mrn(text):
            if let mrn = MRN(text) { return rows("SELECT rowid FROM patient WHERE mrn = ?1 LIMIT 20", mrn.description) }
            return rows("SELECT rowid FROM patient WHERE mrn_serial = ?1 LIMIT 20", Int(text) ?? -1)
        case let .undashedMRN(readings, nameTokens):
            let mrns = readings.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
            let count = rows("SELECT rowid FROM patient WHERE mrn IN (\(mrns)) LIMIT 20",
                             readings.map(\.description) as [Any])
            return count + (nameTokens.isEmpty ? 0 : name(nameTokens))
        }
    }

    private func name(_ tokens: [String]) -> Int {
        let match = tokens.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }.joined(separator: " ")
        return rows("SELECT rowid FROM patient_name_fts WHERE patient_name_fts MATCH ?1 LIMIT 20", match)
    }

    private func digits(_ digits: String) -> Int {
        rows("SELECT rowid FROM patient WHERE mrn_serial = ?1 LIMIT 20", Int(digits.prefix(9)) ?? -1)
            + phone(digits, typed: try? PhoneNumber(parsing: digits))
    }

    /// A whole number's candidates, with the phones that confirm them; a fragment's matches.
    private func phone(_ digits: String, typed: PhoneNumber?) -> Int {
        guard let shared = typed?.digitsInEveryOtherForm else { return phoneFragment(digits) }
        return rows("""
            SELECT p.phone, p.alternate_phone, p.phone_digits
            FROM patient_phone_fts f JOIN patient p ON p.name_order = f.rowid
            WHERE patient_phone_fts MATCH ?1 AND instr(p.phone_digits, ?2) > 0
            LIMIT \(PatientSearch.wholeNumberCandidates)
            """, [PatientSearch.phoneMatch(shared), shared] as [Any])
    }

    private func phoneFragment(_ digits: String) -> Int {
        guard digits.count >= 3 else { return 0 }
        return rows("""
            SELECT f.rowid FROM patient_phone_fts f JOIN patient p ON p.name_order = f.rowid
            WHERE patient_phone_fts MATCH ?1 AND instr(p.phone_digits, ?2) > 0 LIMIT 20
            """, [PatientSearch.phoneMatch(digits), digits] as [Any])
    }

    private func birthDate(_ date: CalendarDate) -> Int {
        rows("SELECT rowid FROM patient WHERE birth_date = ?1 LIMIT 20", date.description)
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
