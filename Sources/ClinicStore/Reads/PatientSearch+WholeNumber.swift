import ClinicCore
import Foundation
import GRDB

/// The SQL behind a whole phone number typed at the desk, in either form.
extension PatientSearch {
    /// The most candidates read for a whole number. They all hold the digits every form of it
    /// shares (``PhoneNumber/digitsInEveryOtherForm``, nine or more for a usual number), so few do.
    static let wholeNumberCandidates = 200

    /// A whole international number (`447752413668` for `+44 7752 413668`): phone numbers
    /// containing its digits, then the number stored in national form.
    static func byInternationalPhone(_ digits: String, limit: Int, in db: Database) throws -> [PatientSummary] {
        var results = Tiers(limit: limit)
        if let typed = try? PhoneNumber(parsing: "+" + digits), typed.digitsInEveryOtherForm != nil {
            try byWholeNumber(digits, typed: typed, into: &results, in: db)
        } else {
            try byPhoneFragment(digits, into: &results, in: db)
        }
        return results.patients
    }

    /// Two tiers read from one set of candidates: phone numbers containing `digits`, then phones
    /// (either one) that are `typed` in the other form (``PhoneNumber/isOtherForm(of:)``), each
    /// in name order. Both kinds hold the digits every form shares, so one look in the phone
    /// index finds them all.
    static func byWholeNumber(
        _ digits: String, typed: PhoneNumber, into results: inout Tiers, in db: Database
    ) throws {
        guard !results.isFull, let shared = typed.digitsInEveryOtherForm else { return }
        var containing: [Bool] = []
        let candidates = try PatientHits.fetch(db, """
            SELECT \(PatientHits.columns), p.alternate_phone, p.phone_digits
            FROM patient_phone_fts f JOIN patient p ON p.name_order = f.rowid
            WHERE patient_phone_fts MATCH ? AND instr(p.phone_digits, ?) > 0 AND \(active)
            ORDER BY f.rowid LIMIT ?
            """, [phoneMatch(shared), shared, wholeNumberCandidates]) { row in
                let holdsDigits = (row["phone_digits"] as String).contains(digits)
                let otherForm = [row["phone"] as String?, row["alternate_phone"] as String?].contains { text in
                    text.flatMap { try? PhoneNumber(parsing: $0) }?.isOtherForm(of: typed) ?? false
                }
                if holdsDigits || otherForm { containing.append(holdsDigits) }
                return holdsDigits || otherForm
            }
        results.add(zip(candidates, containing).filter { $0.1 }.map(\.0))
        results.add(zip(candidates, containing).filter { !$0.1 }.map(\.0))
    }
}
