import ClinicCore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// Patient lookup's reducer, one action at a time: the exact state change and the exact outcome.
@Suite("Patients reducer")
struct PatientsReducerTests {
    let session = TestSessions.session()

    func reduce(_ action: PatientsAction, modal: PatientsModal? = nil) -> (inout PatientsState) -> PatientsFeature.Outcome {
        let context = FeatureContext(session: session, modal: modal)
        return { PatientsFeature.reduce(&$0, action, context) }
    }

    static func summary(_ serial: Int, _ family: String, _ given: String) -> PatientSummary {
        PatientSummary(id: EntityID(UUID(uuidString: "00000000-0000-7000-8000-0000000001\(Digits.padded(serial, 2))")!),
                       mrn: MRN(prefix: "RVC", serial: serial), familyName: family, givenName: given, sex: .female,
                       birthDate: nil, phone: nil, allergyStatus: .notAsked, lastVisit: nil)
    }

    static func patient(_ summary: PatientSummary, phone: String? = nil) -> Patient {
        Patient(id: summary.id, mrn: summary.mrn,
                details: PatientDetails(familyName: summary.familyName, givenName: summary.givenName, sex: summary.sex,
                                        phone: try? phone.map { try PhoneNumber(parsing: $0) }),
                registeredAt: TestSessions.now)
    }

    let garcia = summary(2, "García", "José")
    let smith = summary(1, "Smith", "John")

    @Test func typingSearchesWithTheFirstPage() {
        var state = PatientsState()
        expectReduce(&state, reduce(.queryEdited(.insert("g"))), changes: {
            $0.query.apply(.insert("g"))
            $0.showingRecent = false
        }, returns: .effects(.search("g", limit: 20)))
    }

    @Test func clearingTheBoxListsRecentPatients() {
        var state = PatientsState()
        state.query.apply(.insert("garcia"))
        state.showingRecent = false
        expectReduce(&state, reduce(.clearQuery), changes: {
            $0.query = TextFieldState()
            $0.showingRecent = true
        }, returns: .effects(.loadRecent(TestSessions.receptionist, limit: 10)))
    }

    @Test func answersForAnOlderQueryAreDropped() {
        var state = PatientsState()
        state.query.apply(.insert("garcia"))
        state.showingRecent = false
        expectReduce(&state, reduce(.searchLoaded(query: "garc", [smith])), returns: .none)
        expectReduce(&state, reduce(.searchLoaded(query: "garcia", [garcia])), changes: {
            $0.results = [garcia]
            $0.resultsQuery = "garcia"
        }, returns: .none)
    }

    @Test func openingACardRemembersItForRecallAndTheRecentList() {
        var state = PatientsState()
        state.storeRecent = [smith]
        state.results = [smith]
        expectReduce(&state, reduce(.open(garcia.id)), changes: { $0.card = CardState(patientID: garcia.id) },
                     returns: .effects(.loadCard(garcia.id)))
        let card = PatientCard(patient: Self.patient(garcia), allergies: [], upcoming: [], recentVisits: [], prescriptions: [])
        expectReduce(&state, reduce(.cardLoaded(garcia.id, card)), changes: {
            $0.card?.card = card
            $0.opened = [garcia]
            $0.results = [garcia, smith]
            $0.list.selected = 1  // still on Smith, who moved down one row
            $0.readAudited = [garcia.id]
        }, returns: .effects(.recordRead(garcia.id, TestSessions.receptionist)))
        expectReduce(&state, reduce(.closeCard), changes: { $0.card = nil }, returns: .none)
        expectReduce(&state, reduce(.recallLast), changes: { $0.card = CardState(patientID: garcia.id) },
                     returns: .effects(.loadCard(garcia.id)))
        // Opened again in the same sign-in: shown, not audited again.
        expectReduce(&state, reduce(.cardLoaded(garcia.id, card)), changes: { $0.card?.card = card }, returns: .none)
    }

    @Test func leavingAnUntouchedFormClosesIt() {
        var state = PatientsState()
        state.form = RegistrationState(mode: .register, form: FormState(fieldCount: 16))
        expectReduce(&state, reduce(.form(.cancel)), changes: { $0.form = nil }, returns: .none)
    }

    @Test func leavingAChangedFormAsksFirst() {
        var state = PatientsState()
        state.form = RegistrationState(mode: .register, form: FormState(fieldCount: 16))
        _ = PatientsFeature.reduce(&state, .formTyped(.insert("O")), FeatureContext(session: session))
        let question = Confirmation<PatientsAction>(
            title: "Discard changes?", message: "Your changes to this new patient are not saved. Discard them?",
            yes: .discardConfirmed, yesLabel: "Discard", noLabel: "Keep editing")
        expectReduce(&state, reduce(.form(.cancel)), returns: .modal(.confirm(question)))
        expectReduce(&state, reduce(.discardConfirmed), changes: { $0.form = nil }, returns: .none)
    }

    @Test func aSaveMeetingAConflictOpensTheDialog() {
        var state = PatientsState()
        let patient = Self.patient(garcia, phone: "0612 345 678")
        var edited = patient.details
        edited.phone = try? PhoneNumber(parsing: "0700 000 001")
        var form = RegistrationState(mode: .edit(patient.id, base: patient.details), form: FormState(fieldCount: 16))
        form.isSaving = true
        form.submitted = edited
        state.form = form
        var current = patient
        current.details.phone = try? PhoneNumber(parsing: "0699 999 999")
        let conflict = EditConflict(current: current, fields: [
            FieldConflict(field: .phone, base: "0612345678", yours: "0700000001", theirs: "0699999999",
                          changedBy: "Rosa Díaz (rosa)", changedAt: TestSessions.now),
        ])
        let dialog = EditConflictState(patientID: patient.id, base: patient.details, edited: edited, conflict: conflict)
        expectReduce(&state, reduce(.saveFailed(.editConflict(conflict))), changes: { $0.form?.isSaving = false },
                     returns: PatientsFeature.Outcome(message: .error(conflict.description), modals: [.push(.editConflict(dialog))]))
    }

    @Test func theConflictDialogSavesExactlyWhatWasChosen() {
        let patient = Self.patient(garcia, phone: "0612 345 678")
        var edited = patient.details
        edited.phone = try? PhoneNumber(parsing: "0700 000 001")
        edited.address.city = "Lyon"
        var current = patient
        current.details.phone = try? PhoneNumber(parsing: "0699 999 999")
        let conflict = EditConflict(current: current, fields: [
            FieldConflict(field: .phone, base: "0612345678", yours: "0700000001", theirs: "0699999999",
                          changedBy: "Rosa Díaz (rosa)", changedAt: TestSessions.now),
        ])
        var dialog = EditConflictState(patientID: patient.id, base: patient.details, edited: edited, conflict: conflict)
        var state = PatientsState()
        var outcome = PatientsFeature.reduce(&state, .conflict(.save), FeatureContext(session: session, modal: .editConflict(dialog)))
        guard case let .replace(.editConflict(refused))? = outcome.modals.first else {
            Issue.record("expected the dialog to stay: \(outcome)")
            return
        }
        #expect(refused.problem == "Choose yours or theirs for: phone.")
        #expect(outcome.effects.isEmpty, "nothing saved before every field has a choice")
        outcome = PatientsFeature.reduce(&state, .conflict(.takeTheirs), FeatureContext(session: session, modal: .editConflict(dialog)))
        guard case let .replace(.editConflict(decided))? = outcome.modals.first else { return }
        dialog = decided
        #expect(dialog.choices == [.phone: .theirs])
        outcome = PatientsFeature.reduce(&state, .conflict(.save), FeatureContext(session: session, modal: .editConflict(dialog)))
        var wanted = current.details
        wanted.address.city = "Lyon"
        #expect(outcome.effects == [.edit(patient.id, base: current.details, edited: wanted, TestSessions.receptionist)],
                "their phone kept, the untouched fields as they are now, the city typed saved")
    }

    @Test func aValidationFailureFromTheStoreReachesTheFieldsItNames() {
        var state = PatientsState()
        var form = RegistrationState(mode: .register, form: FormState(fieldCount: 16))
        form.isSaving = true
        state.form = form
        let failure = ValidationFailure([
            FieldProblem(.birthDate, "Date of birth 2026-11-21 is in the future."),
            FieldProblem(.phone, "Phone number “12” has 2 digits; a phone number has 6 to 15."),
        ])
        expectReduce(&state, reduce(.saveFailed(.invalid(failure))), changes: {
            $0.form?.isSaving = false
            $0.form?.errors = [3: "Date of birth 2026-11-21 is in the future.", 5: "Phone number “12” has 2 digits; a phone number has 6 to 15."]
            $0.form?.form.focus(on: 3)
        }, returns: .refusal("Not saved: 2 fields need attention."))
    }

    @Test func theSearchBoxExplainsThatItIsTheFilter() {
        var state = PatientsState()
        expectReduce(&state, reduce(.filterRefused),
                     returns: .refusal("The search box already narrows the list: type a name, phone, date of birth or #MRN."))
    }

    @Test func checkingInFromLookupAsksTheQueue() {
        var state = PatientsState()
        state.results = [garcia]
        expectReduce(&state, reduce(.checkInSelected),
                     returns: .delegate(.checkInWalkIn(PatientRef(id: garcia.id, name: "García, José", mrn: garcia.mrn))))
    }
}
