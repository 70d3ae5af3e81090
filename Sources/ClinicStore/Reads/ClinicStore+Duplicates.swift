public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Existing patients who may be the person `details` describes, best first.
    ///
    /// Candidates come from indexes only — the same phone, the same identifier, a date of
    /// birth within two weeks (or in the same year when either date is an estimate, narrowed
    /// to names sharing an initial) — and are scored by ``DuplicateCheck``. A candidate needs
    /// one of those to score above the threshold, so nothing else can be missed.
    public func duplicateCandidates(for details: PatientDetails, limit: Int = 10) throws(StoreError) -> [DuplicateCandidate] {
        let new = details.tidied
        return try read { db in
            var records: [String: PatientRecord] = [:]
            func add(_ fetched: [PatientRecord]) { for record in fetched { records[record.id] = record } }
            for digits in Set([new.phone, new.alternatePhone].compactMap { $0?.digits }) where digits.count >= 6 {
                add(try PatientRecord.fetchAll(db, sql: """
                    SELECT p.* FROM patient_phone_fts f JOIN patient p ON p.name_order = f.rowid
                    WHERE patient_phone_fts MATCH ? AND \(PatientSearch.active) LIMIT 200
                    """, arguments: [PatientSearch.quoted(digits)]))
            }
            let newKeys = Set(new.identifiers.map(\.matchKey).filter { !$0.isEmpty })
            if !newKeys.isEmpty {
                add(try PatientRecord.fetchAll(db, sql: """
                    SELECT p.* FROM patient_identifier i JOIN patient p ON p.id = i.patient_id
                    WHERE i.match_key IN (\(newKeys.map { _ in "?" }.joined(separator: ","))) AND i.deleted_at IS NULL
                      AND \(PatientSearch.active) LIMIT 200
                    """, arguments: StatementArguments(Array(newKeys))))
            }
            if let birth = new.birthDate {
                add(try PatientRecord.fetchAll(db, sql: """
                    SELECT p.* FROM patient p WHERE p.birth_date BETWEEN ? AND ? AND \(PatientSearch.active) LIMIT 2000
                    """, arguments: [birth.date.adding(days: -14).description, birth.date.adding(days: 14).description]))
                add(try sameYear(birth, initials: initials(of: new), estimatedOnly: !birth.isEstimated, in: db))
            }
            let identifierKeys = try identifierKeys(of: Array(records.keys), in: db)
            let summaries = try PatientSearch.summaries(Array(records.values), in: db)
            let candidates = summaries.compactMap { summary in
                DuplicateCheck.candidate(for: new, newIdentifierKeys: newKeys, existing: summary,
                                         existingIdentifierKeys: identifierKeys[summary.id.description] ?? [])
            }
            return Array(DuplicateCheck.rank(candidates).prefix(limit))
        }
    }

    /// Patients born the same year (only those whose date is an estimate, unless the new one is),
    /// whose name shares an initial with the new one.
    private func sameYear(_ birth: BirthDate, initials: [String], estimatedOnly: Bool, in db: Database) throws -> [PatientRecord] {
        guard !initials.isEmpty else { return [] }
        let filter = initials.map { _ in "instr(' ' || p.search_name, ' ' || ?) > 0" }.joined(separator: " OR ")
        return try PatientRecord.fetchAll(db, sql: """
            SELECT p.* FROM patient p WHERE p.birth_date BETWEEN ? AND ? \(estimatedOnly ? "AND p.birth_date_estimated = 1" : "")
              AND (\(filter)) AND \(PatientSearch.active) LIMIT 2000
            """, arguments: StatementArguments(["\(Digits.padded(birth.date.year, 4))-01-01", "\(Digits.padded(birth.date.year, 4))-12-31"] + initials))
    }

    private func initials(of details: PatientDetails) -> [String] {
        Array(Set(SearchKey.tokens(of: details.familyName + " " + details.givenName).compactMap { $0.first.map(String.init) }))
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
