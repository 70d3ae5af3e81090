public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Existing patients who may be the person `details` describes, best first.
    ///
    /// Candidates come from indexes only — the same phone, the same identifier, a date of
    /// birth within two weeks (or in the same year when either date is an estimate, narrowed
    /// to names sharing an initial) — and are scored by ``DuplicateCheck``. A candidate needs
    /// one of those to reach the threshold, so nothing else can be missed. Candidates are read
    /// as plain rows and scored on their stored search keys; only the few above the threshold
    /// become full results.
    public func duplicateCandidates(for details: PatientDetails, limit: Int = 10) throws(StoreError) -> [DuplicateCandidate] {
        let new = DuplicateProbe(details.tidied)
        return try read { db in
            var rows: [String: Row] = [:]
            func add(_ sql: String, _ arguments: StatementArguments) throws {
                let cursor = try Row.fetchCursor(try db.cachedStatement(sql: sql), arguments: arguments)
                while let row = try cursor.next() { rows[row["id"]] = row.copy() }
            }
            let probeColumns = "p.id, p.search_name, p.birth_date, p.birth_date_estimated, p.phone_digits, p.sex"
            for digits in new.phoneDigits where digits.count >= 6 {
                try add("""
                    SELECT \(probeColumns) FROM patient_phone_fts f JOIN patient p ON p.name_order = f.rowid
                    WHERE patient_phone_fts MATCH ? AND \(PatientSearch.active) LIMIT 200
                    """, [PatientSearch.quoted(digits)])
            }
            if !new.identifierKeys.isEmpty {
                try add("""
                    SELECT \(probeColumns) FROM patient_identifier i JOIN patient p ON p.id = i.patient_id
                    WHERE i.match_key IN (\(new.identifierKeys.map { _ in "?" }.joined(separator: ","))) AND i.deleted_at IS NULL
                      AND \(PatientSearch.active) LIMIT 200
                    """, StatementArguments(Array(new.identifierKeys)))
            }
            if let birth = new.birthDate {
                try add("SELECT \(probeColumns) FROM patient p WHERE p.birth_date BETWEEN ? AND ? AND \(PatientSearch.active) LIMIT 2000",
                        [birth.date.adding(days: -14).description, birth.date.adding(days: 14).description])
                let initials = Array(Set(new.tokens.compactMap { $0.first.map(String.init) }))
                if !initials.isEmpty {
                    let year = Digits.padded(birth.date.year, 4)
                    try add("""
                        SELECT \(probeColumns) FROM patient p WHERE p.birth_date BETWEEN ? AND ?
                          \(birth.isEstimated ? "" : "AND p.birth_date_estimated = 1")
                          AND (\(initials.map { _ in "instr(' ' || p.search_name, ' ' || ?) > 0" }.joined(separator: " OR ")))
                          AND \(PatientSearch.active) LIMIT 2000
                        """, StatementArguments(["\(year)-01-01", "\(year)-12-31"] + initials))
                }
            }
            let identifierKeys = try identifierKeys(of: Array(rows.keys), in: db)
            var scored: [(id: String, score: Int, matched: Set<MatchedField>, reasons: [String])] = []
            for (id, row) in rows {
                let probe = DuplicateProbe(
                    tokens: (row["search_name"] as String).split(separator: " ").map(String.init),
                    birthDate: (row["birth_date"] as String?).flatMap(CalendarDate.init(iso:)).map {
                        BirthDate(date: $0, isEstimated: row["birth_date_estimated"])
                    },
                    phoneDigits: Set((row["phone_digits"] as String).split(separator: " ").map(String.init)),
                    identifierKeys: identifierKeys[id] ?? [], sex: Sex(rawValue: row["sex"]) ?? .unknown)
                if let result = DuplicateCheck.score(new, against: probe) {
                    scored.append((id, result.score, result.matched, result.reasons))
                }
            }
            let summaries = try scored.isEmpty ? [] : PatientHits.fetch(db, """
                SELECT \(PatientHits.columns) FROM patient p WHERE p.id IN (\(scored.map { _ in "?" }.joined(separator: ",")))
                """, StatementArguments(scored.map(\.id)))
            let byID = Dictionary(uniqueKeysWithValues: summaries.map { ($0.id.description, $0) })
            let candidates = scored.compactMap { entry in
                byID[entry.id].map { DuplicateCandidate(patient: $0, score: entry.score, matched: entry.matched, reasons: entry.reasons) }
            }
            return Array(DuplicateCheck.rank(candidates).prefix(limit))
        }
    }

    private func identifierKeys(of patientIDs: [String], in db: Database) throws -> [String: Set<String>] {
        guard !patientIDs.isEmpty else { return [:] }
        var keys: [String: Set<String>] = [:]
        for chunk in stride(from: 0, to: patientIDs.count, by: 500).map({ Array(patientIDs[$0..<min($0 + 500, patientIDs.count)]) }) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT patient_id, match_key FROM patient_identifier
                WHERE patient_id IN (\(chunk.map { _ in "?" }.joined(separator: ","))) AND deleted_at IS NULL
                """, arguments: StatementArguments(chunk))
            for row in rows { keys[row["patient_id"], default: []].insert(row["match_key"]) }
        }
        return keys
    }
}
