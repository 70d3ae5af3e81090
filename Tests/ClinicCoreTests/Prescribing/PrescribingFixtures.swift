import ClinicCore
import ClinicData
import Foundation

/// The shipped reference data and small builders for checker tests.
enum Rx {
    static let reference = ShippedPrescribingData.reference
    static let checker = PrescribingChecker(reference: reference)
    static let sig = SigParser(vocabulary: reference.sig)

    /// A prescription line for `drug`, optionally with a form, strength and sig.
    static func line(_ drug: String, _ strength: String = "", form: String = "", route: String = "", sig: String = "")
        -> PrescriptionLine
    {
        PrescriptionLine(drug: drug, strength: strength, form: form, route: route, sig: sig)
    }

    static func allergy(
        _ substance: String, _ kind: AllergenKind = .drug, reaction: String = "rash",
        severity: AllergySeverity = .moderate
    ) -> Allergy {
        Allergy(
            id: EntityID(UUID()), patientID: EntityID(UUID()), substance: substance, substanceKind: kind,
            reaction: reaction, severity: severity, recordedAt: Date(timeIntervalSince1970: 0), recordedBy: nil)
    }

    /// The alerts for prescribing `new` to a patient taking `taking` with `allergies`.
    static func check(
        _ new: [String], taking: [String] = [], sameRx: [String] = [], allergies: [Allergy] = [],
        status: AllergyStatus? = nil
    ) -> [PrescribingAlert] {
        checker.check(
            PrescribingCheck(
                newItems: new.map { line($0) }, otherItems: sameRx.map { line($0) },
                currentMedicines: taking.map { line($0) },
                allergies: allergies, allergyStatus: status ?? (allergies.isEmpty ? .noKnownAllergies : .recorded)))
    }

    static func check(_ new: PrescriptionLine) -> [PrescribingAlert] {
        checker.check(PrescribingCheck(newItems: [new], allergyStatus: .noKnownAllergies))
    }
}
