import ClinicCore
import Foundation
import GRDB

/// The SQL behind two combined forms typed at the desk: a name with a date of birth, and an MRN
/// without its dash (whole phone numbers are in `PatientSearch+WholeNumber.swift`).
extension PatientSearch {
    /// Patients born on `date` whose names match every token as a prefix, in any order, by name.
    /// Reads the date-of-birth index, whose entries carry the search name: a few patients a day.
    static func byNameAndBirthDate(_ tokens: [String], _ date: CalendarDate, limit: Int, in db: Database) throws
        -> [PatientSummary]
    {
        let filters = tokens.map { _ in "instr(' ' || p.search_name, ' ' || ?) > 0" }.joined(separator: " AND ")
        return try PatientHits.fetch(db, """
            SELECT \(PatientHits.columns) FROM patient p INDEXED BY patient_birth_date
            WHERE p.birth_date = ? AND \(filters) AND \(active)
            ORDER BY p.name_order LIMIT ?
            """, StatementArguments([date.description] + tokens + [limit]))
    }

    /// Every reading of an MRN typed without its dash, exactly, then names matching `nameTokens`.
    static func byUndashedMRN(_ readings: [MRN], nameTokens: [String], limit: Int, today: CalendarDate, in db: Database)
        throws -> [PatientSummary]
    {
        var results = Tiers(limit: limit)
        let mrns = readings.map(\.description)
        results.add(try PatientHits.fetch(db, """
            SELECT \(PatientHits.columns) FROM patient p
            WHERE p.mrn IN (\(mrns.map { _ in "?" }.joined(separator: ", "))) AND \(active)
            ORDER BY p.mrn LIMIT ?
            """, StatementArguments(mrns + [limit])))
        if !nameTokens.isEmpty, !results.isFull {
            results.add(try byName(nameTokens, limit: limit, today: today, in: db))
        }
        return results.patients
    }
}
