import ClinicCore
import ClinicData
import Foundation
import Testing

@testable import ClinicStore

/// Signing through the prescribing checks: allergies asked first, a reason for every alert that
/// needs one (kept with the prescription and in the audit trail), corrections and cancellations
/// as new entries, and what a verification code says afterwards.
@Suite("Signing prescriptions")
struct PrescriptionSigningTests {
    let fixture: StoreFixture
    let checker = PrescribingChecker(reference: ShippedPrescribingData.reference)
    let amoxicillin = PrescriptionLine(drug: "amoxicillin", strength: "500 mg", form: "capsule", durationDays: 7, quantity: "21",
                                       sig: "Take 1 capsule by mouth three times a day for 7 days")
    let paracetamol = PrescriptionLine(drug: "paracetamol", strength: "500 mg", form: "tablet", quantity: "20",
                                       sig: "Take 1 tablet by mouth every 6 hours when needed")

    init() throws {
        fixture = try StoreFixture()
    }

    func patient(_ family: String) throws -> Patient {
        try fixture.store.registerPatient(PatientDetails(familyName: family, givenName: "Ana"), by: fixture.receptionist)
    }

    @Test func signingIsRefusedWhileAllergiesAreNotYetAsked() throws {
        let ana = try patient("Unasked")
        #expect {
            try fixture.store.signPrescription(patient: ana.id, lines: [paracetamol], checker: checker, by: fixture.doctor)
        } throws: { error in
            "\(error)".contains("Allergies not yet asked")
        }
        #expect(try fixture.count("prescription") == 0)
    }

    @Test func anAllergyAlertNeedsAReasonWhichIsStoredAndAudited() throws {
        let ana = try patient("Allergic")
        _ = try fixture.store.recordAllergy(patient: ana.id, substance: "penicillins", kind: .drugClass, reaction: "hives",
                                            severity: .severe, by: fixture.nurse)
        #expect {
            try fixture.store.signPrescription(patient: ana.id, lines: [amoxicillin], checker: checker, by: fixture.doctor)
        } throws: { error in
            "\(error)".contains("needs a reason") && "\(error)".contains("amoxicillin")
        }
        let alert = try #require(checker.check(PrescribingCheck(
            newItems: [amoxicillin], allergies: fixture.store.allergies(of: ana.id), allergyStatus: .recorded)).first)
        let signed = try fixture.store.signPrescription(
            patient: ana.id, lines: [amoxicillin, paracetamol],
            overrides: [AlertOverride(alert: alert, reason: "Tolerated amoxicillin in 2024; rash only")], checker: checker,
            by: fixture.doctor)
        let stored = try #require(try fixture.store.prescriptions(of: ana.id).first)
        #expect(stored.items.map(\.drug) == ["amoxicillin", "paracetamol"])
        #expect(stored.overrides.map(\.reason) == ["Tolerated amoxicillin in 2024; rash only"])
        #expect(stored.overrides.first?.alert.kind == alert.kind)
        #expect(stored.items.first?.validUntil == fixture.store.today().adding(days: 30), "valid 30 days unless set")
        let audit = try fixture.store.auditEvents(table: "prescription", id: signed.id.description)
        #expect(audit.first?.summary.contains("Tolerated amoxicillin in 2024") == true, "\(audit)")
    }

    @Test func aCorrectionReplacesAndACancellationEndsAndTheCodeSaysSo() throws {
        let ana = try patient("Corrected")
        try fixture.store.recordNoKnownAllergies(patient: ana.id, by: fixture.nurse)
        let first = try fixture.store.signPrescription(patient: ana.id, lines: [paracetamol], checker: checker, by: fixture.doctor)
        #expect(try fixture.store.verifyPrescription(code: first.verificationCode.lowercased())?.standing == .valid)
        #expect(try fixture.store.verifyPrescription(code: first.verificationCode)?.patientInitials == "C. A.")

        var lower = paracetamol
        lower.quantity = "10"
        let second = try fixture.store.signPrescription(
            patient: ana.id, lines: [lower], correcting: PrescriptionCorrection(prescription: first.id, reason: "Smaller supply"),
            checker: checker, by: fixture.doctor)
        guard case let .replaced(by, _, reason)? = try fixture.store.verifyPrescription(code: first.verificationCode)?.standing else {
            Issue.record("the first is replaced")
            return
        }
        #expect(by == second.verificationCode && reason == "Smaller supply")
        #expect(throws: (any Error).self, "a replaced prescription cannot be corrected again") {
            try fixture.store.signPrescription(
                patient: ana.id, lines: [lower], correcting: PrescriptionCorrection(prescription: first.id, reason: "Again"),
                checker: checker, by: fixture.doctor)
        }

        try fixture.store.cancelPrescription(second.id, reason: "Patient bought it over the counter", by: fixture.doctor)
        guard case let .cancelled(_, why)? = try fixture.store.verifyPrescription(code: second.verificationCode)?.standing else {
            Issue.record("the second is cancelled")
            return
        }
        #expect(why == "Patient bought it over the counter")
        #expect(try fixture.store.verifyPrescription(code: "ZZZZ-ZZZZ") == nil)
        #expect(throws: (any Error).self, "a cancelled prescription cannot be cancelled again") {
            try fixture.store.cancelPrescription(second.id, reason: "twice", by: fixture.doctor)
        }
        #expect(throws: (any Error).self, "a receptionist may not prescribe") {
            try fixture.store.cancelPrescription(first.id, reason: "no", by: fixture.receptionist)
        }
    }
}
