public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Existing patients who may be the person `details` describes, best first.
    ///
    /// Candidates come from indexes only — the same phone, the same identifier, a date of
    /// birth within two weeks, or the same name born the same year when either date is an
    /// estimate — and are scored by ``DuplicateCheck``. A candidate needs
    /// one of those to reach the threshold, so nothing else can be missed. Candidates are read
    /// as plain rows and scored on their stored search keys; only the few above the threshold
    /// become full results.
    public func duplicateCandidates(for details: PatientDetails, limit: Int = 10) throws(StoreError) -> [DuplicateCandidate] {
        let new = DuplicateProbe(details.tidied)
        return try read { db in
            var rows: [Int64: Row] = [:]
            /// Adds candidates; a row read with its phone digits replaces one read without.
            func add(_ sql: String, _ arguments: StatementArguments) throws {
                let cursor = try Row.fetchCursor(try db.cachedStatement(sql: sql), arguments: arguments)
                while let row = try cursor.next() {
                    let key: Int64 = row["name_order"]
                    if rows[key] == nil || row.hasColumn("phone_digits") { rows[key] = row.copy() }
                }
            }
            let withPhone = "p.name_order, p.search_name, p.birth_date, p.birth_date_estimated, p.sex, p.phone_digits"
            // Date-of-birth candidates are read from covering indexes: no row lookups, hence no phone
            // digits — a candidate sharing a phone is found by the phone query as well.
            let fromIndex = "p.name_order, p.search_name, p.birth_date, p.birth_date_estimated, p.sex"
            for digits in new.phoneDigits where digits.count >= 6 {
                try add("""
                    SELECT \(withPhone) FROM patient_phone_fts f JOIN patient p ON p.name_order = f.rowid
                    WHERE patient_phone_fts MATCH ? AND \(PatientSearch.active) LIMIT 200
                    """, [PatientSearch.quoted(digits)])
            }
            if !new.identifierKeys.isEmpty {
                try add("""
                    SELECT \(withPhone) FROM patient_identifier i JOIN patient p ON p.id = i.patient_id
                    WHERE i.match_key IN (\(new.identifierKeys.map { _ in "?" }.joined(separator: ","))) AND i.deleted_at IS NULL
                      AND \(PatientSearch.active) LIMIT 200
                    """, StatementArguments(Array(new.identifierKeys)))
            }
            if let birth = new.birthDate {
                try add("SELECT \(fromIndex) FROM patient p INDEXED BY patient_birth_date WHERE p.birth_date BETWEEN ? AND ? LIMIT 3000",
                        [birth.date.adding(days: -14).description, birth.date.adding(days: 14).description])
                // Born the same year when a date is an estimate scores 15: with at most 45 for the name,
                // only an exactly equal name can reach the threshold, so only those are read.
                let exact = PatientSearch.exactForms(of: new.tokens.map(\.text))
                let year = Digits.padded(birth.date.year, 4)
                try add("""
                    SELECT \(fromIndex) FROM patient p INDEXED BY patient_search_name
                    WHERE p.search_name IN (\(exact.map { _ in "?" }.joined(separator: ","))) AND p.birth_date BETWEEN ? AND ?
                      \(birth.isEstimated ? "" : "AND p.birth_date_estimated = 1") LIMIT 3000
                    """, StatementArguments(exact + ["\(year)-01-01", "\(year)-12-31"]))
            }
            let sharingAnIdentifier = try identifierMatches(new.identifierKeys, in: db)
            var scored: [(order: Int64, score: Int, matched: Set<MatchedField>, reasons: [String])] = []
            for (order, row) in rows {
                let probe = DuplicateProbe(
                    tokens: (row["search_name"] as String).split(separator: " ").map(String.init),
                    birthDate: (row["birth_date"] as String?).flatMap(CalendarDate.init(iso:)).map {
                        BirthDate(date: $0, isEstimated: row["birth_date_estimated"])
                    },
                    phoneDigits: Set(((row["phone_digits"] as String?) ?? "").split(separator: " ").map(String.init)),
                    identifierKeys: sharingAnIdentifier.contains(order) ? new.identifierKeys : [],
                    sex: Sex(rawValue: row["sex"]) ?? .unknown)
                if let result = DuplicateCheck.score(new, against: probe) {
                    scored.append((order, result.score, result.matched, result.reasons))
                }
            }
            // Only the few candidates above the threshold are read in full (removed ones drop out here).
            var candidates: [DuplicateCandidate] = []
            for entry in scored {
                let found = try PatientHits.fetch(db, """
                    SELECT \(PatientHits.columns) FROM patient p WHERE p.name_order = ? AND \(PatientSearch.active)
                    """, [entry.order])
                if let summary = found.first {
                    candidates.append(DuplicateCandidate(patient: summary, score: entry.score, matched: entry.matched, reasons: entry.reasons))
                }
            }
            return Array(DuplicateCheck.rank(candidates).prefix(limit))
        }
    }

    /// Patients (by name order) holding one of `keys` as an identifier.
    private func identifierMatches(_ keys: Set<String>, in db: Database) throws -> Set<Int64> {
        guard !keys.isEmpty else { return [] }
        return Set(try Int64.fetchAll(db, sql: """
            SELECT p.name_order FROM patient_identifier i JOIN patient p ON p.id = i.patient_id
            WHERE i.match_key IN (\(keys.map { _ in "?" }.joined(separator: ","))) AND i.deleted_at IS NULL
            """, arguments: StatementArguments(Array(keys))))
    }
}
