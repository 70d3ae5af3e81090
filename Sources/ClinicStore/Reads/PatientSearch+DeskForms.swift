import ClinicCore
import Foundation
import GRDB

/// The SQL behind the combined forms typed at the desk: a name with a date of birth, a phone
/// number in the other form than the one stored, and an MRN without its dash.
extension PatientSearch {
    /// The most candidates read for a number in the other form. Their shared digits
    /// (``PhoneNumber/digitsInEveryOtherForm``) are at least six, so few numbers hold them.
    static let otherFormCandidates = 200

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

    /// A whole international number: phone numbers containing its digits, then the number
    /// stored in national form.
    static func byInternationalPhone(_ digits: String, limit: Int, in db: Database) throws -> [PatientSummary] {
        var results = Tiers(limit: limit)
        try byPhoneFragment(digits, into: &results, in: db)
        if let typed = try? PhoneNumber(parsing: "+" + digits) { try byOtherForm(of: typed, into: &results, in: db) }
        return results.patients
    }

    /// Patients with a phone (either one) that is `typed` in the other form, by name: found in
    /// the phone index by the digits every such number contains, then checked one by one.
    static func byOtherForm(of typed: PhoneNumber, into results: inout Tiers, in db: Database) throws {
        guard !results.isFull, let shared = typed.digitsInEveryOtherForm else { return }
        results.add(try PatientHits.fetch(db, """
            SELECT \(PatientHits.columns), p.alternate_phone
            FROM patient_phone_fts f JOIN patient p ON p.name_order = f.rowid
            WHERE patient_phone_fts MATCH ? AND \(active)
            ORDER BY f.rowid LIMIT ?
            """, [quoted(shared), otherFormCandidates]) { row in
                [row["phone"] as String?, row["alternate_phone"] as String?].contains { text in
                    text.flatMap { try? PhoneNumber(parsing: $0) }?.isOtherForm(of: typed) ?? false
                }
            })
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
