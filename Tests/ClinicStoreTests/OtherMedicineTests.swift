import ClinicCore
import ClinicData
import Foundation
import Testing

@testable import ClinicStore

/// Medicines from elsewhere on the card: recorded and stopped as append-only entries, and read
/// by the prescribing checks with the clinic's own prescriptions; allergies that could not be
/// asked let a prescription be signed, with a warning kept on it.
@Suite("Medicines from elsewhere")
struct OtherMedicineTests {
    let fixture: StoreFixture
    let checker = PrescribingChecker(reference: ShippedPrescribingData.reference)
    let ibuprofen = PrescriptionLine(drug: "ibuprofen", strength: "400 mg", form: "tablet", quantity: "20",
                                     sig: "Take 1 tablet by mouth three times a day after meals for 5 days")

    init() throws {
        fixture = try StoreFixture()
    }

    @Test func aMedicineFromElsewhereIsCheckedLikeOneOfOurPrescriptions() throws {
        let ana = try fixture.store.registerPatient(PatientDetails(familyName: "Warfarin", givenName: "Ana"), by: fixture.receptionist)
        try fixture.store.recordNoKnownAllergies(patient: ana.id, by: fixture.nurse)
        let warfarin = try fixture.store.recordOtherMedicine(
            patient: ana.id, drug: " warfarin ", strength: "5 mg", form: "tablet", directions: "1 daily",
            note: "anticoagulation clinic", by: fixture.nurse)
        #expect(warfarin.summary == "warfarin 5 mg tablet — 1 daily (anticoagulation clinic)")
        #expect(try fixture.lastChanges().filter { $0.table == "medication" }.count == 10, "one change row per field set")
        #expect(try fixture.store.auditEvents(limit: 1).first?.summary
            == "Recorded warfarin 5 mg tablet — 1 daily (anticoagulation clinic) as taken by Warfarin, Ana (TST-000001)")
        #expect(try fixture.store.patientCard(ana.id)?.otherMedicines.map(\.drug) == ["warfarin"])

        let alerts = checker.check(try fixture.store.prescribingCheck(patient: ana.id, lines: [ibuprofen]))
        let interaction = try #require(alerts.first { $0.kind == .interaction })
        #expect(interaction.message.contains("warfarin") && interaction.message.contains("ibuprofen"), "\(interaction.message)")

        try fixture.store.stopOtherMedicine(warfarin.id, reason: "Stopped by the haematologist", by: fixture.doctor)
        #expect(try fixture.store.patientCard(ana.id)?.otherMedicines.isEmpty == true)
        #expect(try fixture.store.otherMedicines(of: ana.id).count == 2, "append-only: the stop is a new entry")
        #expect(!checker.check(try fixture.store.prescribingCheck(patient: ana.id, lines: [ibuprofen])).contains {
            $0.kind == .interaction
        })
        #expect {
            try fixture.store.stopOtherMedicine(warfarin.id, reason: "again", by: fixture.doctor)
        } throws: { error in
            (error as? StoreError)?.description == "warfarin was already recorded as stopped."
        }
    }

    @Test func aMedicineNeedsANameAndAClinician() throws {
        let ana = try fixture.store.registerPatient(PatientDetails(familyName: "Nameless", givenName: "Ana"), by: fixture.receptionist)
        let before = try fixture.rowCounts()
        #expect {
            try fixture.store.recordOtherMedicine(patient: ana.id, drug: "  ", by: fixture.nurse)
        } throws: { error in
            (error as? StoreError)?.description == "Name the medicine (1–200 characters)."
        }
        #expect(throws: StoreError.notPermitted(role: .receptionist, permission: .recordMedicines)) {
            try fixture.store.recordOtherMedicine(patient: ana.id, drug: "metformin", by: fixture.receptionist)
        }
        #expect(try fixture.rowCounts() == before, "nothing saved")
    }

    @Test func allergiesThatCouldNotBeAskedLetAPrescriptionBeSignedWithTheWarningKept() throws {
        let ana = try fixture.store.registerPatient(PatientDetails(familyName: "Unconscious", givenName: "Ana"), by: fixture.receptionist)
        try fixture.store.recordAllergiesUnableToAsk(patient: ana.id, reason: "Unconscious on arrival", by: fixture.nurse)
        let signed = try fixture.store.signPrescription(patient: ana.id, lines: [ibuprofen], checker: checker, by: fixture.doctor)
        #expect(signed.overrides.map(\.alert.kind) == [.allergiesUnknown])
        #expect(signed.overrides.first?.alert.message.contains("Unconscious on arrival") == true)
    }
}
