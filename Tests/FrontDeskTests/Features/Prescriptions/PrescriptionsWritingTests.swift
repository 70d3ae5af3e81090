import ClinicCore
import ClinicData
import Foundation
@testable import FrontDesk
import TerminalKit
import Testing

/// The prescribing dialogs as pure steps: who may write, the reference read once, the checks'
/// answer turned into a refusal or the alerts dialog, and reasons required where they must be.
@Suite("Prescriptions writing reducer")
struct PrescriptionsWritingTests {
    let reference = ReferenceData(ShippedPrescribingData.reference)
    let garcia = PatientRef(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000102")!), name: "García, José",
                            mrn: MRN(prefix: "RVC", serial: 2))
    let amoxicillin = PrescriptionLine(drug: "amoxicillin", strength: "500 mg", form: "capsule", durationDays: 7,
                                       quantity: "21 capsules", sig: "Take 1 capsule by mouth three times a day for 7 days")

    func context(_ user: User = TestSessions.doctor, _ modal: PrescriptionsModal? = nil) -> PrescriptionsFeature.Context {
        FeatureContext(session: TestSessions.session(user), modal: modal)
    }

    func shown() -> PrescriptionsState {
        var state = PrescriptionsState()
        state.patient = garcia
        state.isLoaded = true
        return state
    }

    @Test func aReceptionistIsToldWhyNotAndNothingOpens() {
        var state = shown()
        let outcome = PrescriptionsFeature.reduce(&state, .write, context(TestSessions.receptionist))
        #expect(outcome.message == .error("A receptionist may not prescribe."))
        #expect(outcome.modals.isEmpty && outcome.effects.isEmpty)
    }

    @Test func theFirstPrescriptionReadsTheFormularyThenOpensItsFirstMedicine() {
        var state = shown()
        let first = PrescriptionsFeature.reduce(&state, .write, context())
        #expect(first.effects == [.loadReference])
        #expect(state.pendingDraft == PrescriptionDraft(patient: garcia))
        let opened = PrescriptionsFeature.reduce(&state, .referenceLoaded(reference), context())
        guard case let .push(.item(draft, form))? = opened.modals.first else {
            Issue.record("the medicine form opens: \(opened)")
            return
        }
        #expect(draft.patient == garcia && form.title == "Medicine 1 for García, José")
        #expect(state.pendingDraft == nil && state.reference == reference)
        #expect(PrescriptionsFeature.reduce(&state, .write, context()).effects.isEmpty, "read once")
    }

    @Test func typingSearchesTheFormularyAndReadsTheDirections() {
        var state = shown()
        state.reference = reference
        var form = PrescriptionForms.dialog(PrescriptionDraft(patient: garcia), reference: reference.reference)
        form.apply(.insert("co-amox"))
        form.intro = PrescriptionForms.hint(form, reference: reference.reference)
        #expect(form.intro?.contains("co-amoxiclav") == true, "\(form.intro ?? "")")
        form.form.focus(on: PrescriptionForms.directions)
        form.apply(.insert("1 tab po bid pc x7d"))
        #expect(PrescriptionForms.hint(form, reference: reference.reference)
            .contains("→ Take 1 tablet by mouth twice a day after meals for 7 days (14 tablets)"))
    }

    @Test func notYetAskedAllergiesRefuseSigningAndTheDraftStays() {
        var state = shown()
        let draft = PrescriptionDraft(patient: garcia, lines: [amoxicillin])
        let onTop = PrescriptionsModal.draft(draft, PrescriptionsWriting.draftDialog(draft))
        let outcome = PrescriptionsFeature.reduce(&state, .reviewed(draft, SigningReview(alerts: [], allergyStatus: .notAsked)),
                                                  context(TestSessions.doctor, onTop))
        #expect(outcome.message?.isError == true && outcome.message?.text.hasPrefix("Allergies not yet asked") == true)
        #expect(outcome.modals.isEmpty && outcome.effects.isEmpty)
    }

    @Test func anInterruptiveAlertNeedsAReasonAWarningDoesNot() {
        var state = shown()
        let draft = PrescriptionDraft(patient: garcia, lines: [amoxicillin])
        let allergy = PrescribingAlert(kind: .allergy, severity: .interruptive, drugs: ["amoxicillin", "penicillins"],
                                       message: "amoxicillin is one of the penicillins.", advice: "Do not give any penicillin.")
        let warning = PrescribingAlert(kind: .crossReactivity, severity: .warning, drugs: ["amoxicillin"], message: "m", advice: "a")
        let review = SigningReview(alerts: [warning, allergy], allergyStatus: .recorded)
        #expect(review.alerts.first == allergy, "most serious first")
        var dialog = PrescriptionForms.alertsDialog(draft, review)
        let refused = PrescriptionsFeature.reduce(&state, .form(.save), context(TestSessions.doctor, .alerts(draft, review, dialog)))
        guard case let .replace(.alerts(_, _, shownAgain))? = refused.modals.first else {
            Issue.record("the dialog stays: \(refused)")
            return
        }
        #expect(shownAgain.errors.keys.sorted() == [0], "only the interruptive alert needs a reason")
        #expect(refused.effects.isEmpty)
        dialog.apply(.insert("Tolerated it before"))
        let signed = PrescriptionsFeature.reduce(&state, .form(.save), context(TestSessions.doctor, .alerts(draft, review, dialog)))
        #expect(signed.effects == [.sign(draft, [AlertOverride(alert: allergy, reason: "Tolerated it before"),
                                                 AlertOverride(alert: warning, reason: "")], TestSessions.doctor)])
    }
}
