import ClinicCore
import Foundation
import TerminalKit

/// Patient lookup: search as you type, the card, registration with its duplicate check,
/// and editing with its conflict check. Pure: it returns what to do.
public enum PatientsFeature {
    /// What a commit elsewhere must change for this feature to reread. Search results and the open card (allergies, upcoming appointments, visits, prescriptions).
    static let reads: Set<ClinicDataKind> = [.patients, .allergies, .medicines, .appointments, .visits, .prescriptions, .billing]

    public typealias Outcome = FrontDesk.Outcome<PatientsAction, PatientsEffect, PatientsDelegate, PatientsModal>
    public typealias Context = FeatureContext<PatientsModal>

    public static func reduce(_ state: inout PatientsState, _ action: PatientsAction, _ context: Context) -> Outcome {
        let session = context.session
        switch action {
        case let .queryEdited(edit):
            guard state.query.apply(edit) else { return .none }
            return queryChanged(&state, session)
        case .clearQuery:
            if state.query.text.isEmpty, state.choosing != nil { return reduce(&state, .stopChoosing, context) }
            state.query = TextFieldState()
            return queryChanged(&state, session)
        case let .choose(prompt):
            state.choosing = prompt
            state.card = nil
            state.form = nil
            return .message("\(prompt): find them and press Enter, or register them if they are new.")
        case .stopChoosing:
            guard state.choosing != nil else { return .none }
            state.choosing = nil
            return Outcome(delegates: [.chosen(nil)], message: StatusMessage("Stopped choosing a patient; nothing was booked."))
        case .bookSelected:
            guard let selected = state.selected else { return .none }
            return .delegate(.book(PatientRef(id: selected.id, name: selected.displayName, mrn: selected.mrn)))
        case .bookCard, .followUpCard, .waitlistCard:
            guard let patient = state.card?.card?.patient else { return .none }
            let ref = PatientRef(id: patient.id, name: patient.displayName, mrn: patient.mrn)
            return .delegate(action == .bookCard ? .book(ref) : action == .followUpCard ? .followUp(ref) : .addToWaitlist(ref))
        case .billCard:
            guard let patient = state.card?.card?.patient else { return .none }
            return .delegate(.bill(PatientRef(id: patient.id, name: patient.displayName, mrn: patient.mrn)))
        case .prescribeCard:
            guard let patient = state.card?.card?.patient else { return .none }
            return .delegate(.prescribe(PatientRef(id: patient.id, name: patient.displayName, mrn: patient.mrn)))
        case .openSelected:
            guard let selected = state.selected else { return .none }
            return open(selected.id, &state)
        case .recallLast:
            guard let last = recent(state).first else { return .refusal("You have not worked on a patient yet.") }
            return open(last.id, &state)
        case .startRegistration:
            state.card = nil
            state.editAfterLoading = nil
            state.form = RegistrationState(
                mode: .register, form: RegistrationForm.state(prefill: state.query.text, dateOrder: session.dateOrder))
            return .none
        case .checkInSelected:
            guard let selected = state.selected else { return .none }
            return .delegate(.checkInWalkIn(PatientRef(id: selected.id, name: selected.displayName, mrn: selected.mrn)))
        case .editSelected:
            guard let selected = state.selected else { return .none }
            if let card = state.card?.card, card.patient.id == selected.id {
                startEdit(card.patient, &state, session)
                return .none
            }
            state.card = CardState(patientID: selected.id)
            state.editAfterLoading = selected.id
            return .effects(.loadCard(selected.id))
        case let .move(move):
            return self.move(move, &state, session)
        case .filterRefused:
            return .refusal("The search box already narrows the list: type a name, phone, date of birth or #MRN.")
        case let .open(id):
            return open(id, &state)
        case .closeCard:
            state.card = nil
            state.editAfterLoading = nil
            return .none
        case .editCard:
            guard let card = state.card?.card else { return .none }
            startEdit(card.patient, &state, session)
            return .none
        case .checkInCard:
            guard let patient = state.card?.card?.patient else { return .none }
            return .delegate(.checkInWalkIn(PatientRef(id: patient.id, name: patient.displayName, mrn: patient.mrn)))
        case let .formTyped(edit):
            guard var form = state.form, form.form.apply(edit) else { return .none }
            form.errors[form.form.focus] = nil
            state.form = form
            return .none
        case let .form(command):
            return formCommand(command, &state, session)
        case .discardConfirmed:
            state.form = nil
            return .none
        case let .duplicates(command):
            return duplicates(command, &state, context)
        case let .duplicatesMoved(move):
            guard case var .duplicates(dialog) = context.modal else { return .none }
            dialog.list.select(move.move, visible: Array(dialog.candidates.indices), pageSize: move.pageSize)
            return .modal(.replace(.duplicates(dialog)))
        case let .reasonTyped(edit):
            guard case var .duplicates(dialog) = context.modal, dialog.reason?.apply(edit) == true else { return .none }
            dialog.reasonError = nil
            return .modal(.replace(.duplicates(dialog)))
        case let .conflict(command):
            return conflict(command, &state, context)
        case let .conflictMoved(move):
            guard case var .editConflict(dialog) = context.modal else { return .none }
            dialog.list.select(move.move, visible: Array(dialog.conflict.fields.indices), pageSize: move.pageSize)
            return .modal(.replace(.editConflict(dialog)))
        case let .searchLoaded(query, results):
            guard !state.showingRecent, query == state.query.text.trimmingCharacters(in: .whitespaces) else { return .none }
            setResults(results, &state)
            state.resultsQuery = query
            return .none
        case let .recentLoaded(results):
            state.storeRecent = results
            guard state.showingRecent else { return .none }
            setResults(recent(state), &state)
            state.resultsQuery = ""
            return .none
        case let .cardLoaded(id, card):
            return cardLoaded(id, card, &state, session)
        case let .duplicatesChecked(details, candidates):
            guard var form = state.form, form.isSaving, let user = session.user else { return .none }
            if candidates.isEmpty { return .effects(.register(details, nil, user)) }
            form.isSaving = false
            state.form = form
            return .modal(.push(.duplicates(DuplicateState(details: details, candidates: candidates))))
        case let .saved(patient, created):
            state.form = nil
            var outcome = open(patient.id, &state) + searchAgain(&state, session) + .delegate(.storeWritten)
            if case .editConflict = context.modal { outcome.modals.append(.pop) }
            return outcome.with(message: StatusMessage("\(created ? "Registered" : "Saved") \(patient.displayName) (\(patient.mrn))."))
        case let .saveFailed(failure):
            return saveFailed(failure, &state, context)
        case let .loadFailed(message):
            return .refusal(message)
        case .refresh:
            var outcome = searchAgain(&state, session)
            if let card = state.card { outcome.effects.append(.loadCard(card.patientID)) }
            return outcome
        case .addAllergy, .noKnownAllergies, .noKnownAllergiesConfirmed, .allergiesUnableToAsk, .retractAllergy, .allergyTyped, .allergyForm,
             .retractMoved, .retractAnswered, .allergyWritten:
            return allergies(action, &state, context)
        case .addMedicine, .stopMedicine, .medicineTyped, .medicineForm, .stopMoved, .stopAnswered, .medicineWritten:
            return medicines(action, &state, context)
        case .delegate:
            return .none
        }
    }

    // MARK: - The search box and its results

    /// The search box changed: search again (or show recent patients when it is empty).
    static func queryChanged(_ state: inout PatientsState, _ session: Session) -> Outcome {
        state.limit = PatientsState.pageSize
        state.list = ListState()
        return searchAgain(&state, session)
    }

    /// Runs the current search again.
    static func searchAgain(_ state: inout PatientsState, _ session: Session) -> Outcome {
        let text = state.query.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            state.showingRecent = true
            guard let user = session.user else { return .none }
            return .effects(.loadRecent(user, limit: PatientsState.recentCount))
        }
        state.showingRecent = false
        return .effects(.search(text, limit: state.limit))
    }

    /// Moves through the results (asking for more at the end), or scrolls the open card.
    static func move(_ move: ListMove, _ state: inout PatientsState, _ session: Session) -> Outcome {
        if var card = state.card {
            switch move.move {
            case .first: card.scroll = 0
            case .next: card.scroll += 1
            case .previous: card.scroll = max(0, card.scroll - 1)
            case .pageDown: card.scroll += move.pageSize
            case .pageUp: card.scroll = max(0, card.scroll - move.pageSize)
            case .last, .item: card.scroll = Int.max / 2
            }
            state.card = card
            return .none
        }
        let visible = Array(state.results.indices)
        let atEnd = state.list.selected == visible.last
        state.list.select(move.move, visible: visible, pageSize: move.pageSize)
        let onward: Set<SelectionMove> = [.next, .pageDown, .last]
        guard !state.showingRecent, atEnd, onward.contains(move.move), state.results.count >= state.limit else { return .none }
        state.limit += PatientsState.pageSize
        return searchAgain(&state, session)
    }

    private static func setResults(_ results: [PatientSummary], _ state: inout PatientsState) {
        let selectedID = state.selected?.id
        state.results = results
        ListBehaviour.reload(&state.list, selected: selectedID, ids: results.map(\.id)) { results.map(\.displayName) }
    }

    /// Recent patients: cards opened in this session first, then those the store says this user worked on.
    static func recent(_ state: PatientsState) -> [PatientSummary] {
        var seen: Set<EntityID<Patient>> = []
        return Array((state.opened + state.storeRecent).filter { seen.insert($0.id).inserted }.prefix(PatientsState.recentCount))
    }

    // MARK: - The card

    static func open(_ id: EntityID<Patient>, _ state: inout PatientsState) -> Outcome {
        state.form = nil
        state.editAfterLoading = nil
        if state.card?.patientID != id { state.card = CardState(patientID: id) }
        return .effects(.loadCard(id))
    }

    private static func cardLoaded(_ id: EntityID<Patient>, _ card: PatientCard?, _ state: inout PatientsState,
                                   _ session: Session) -> Outcome {
        guard state.card?.patientID == id else { return .none }
        guard let card else {
            state.card = nil
            return .refusal("That patient no longer exists.")
        }
        state.card?.card = card
        if let user = session.user, state.readAudited.insert(id).inserted {
            return .effects(.recordRead(id, user)) + cardShown(card, &state, session)
        }
        return cardShown(card, &state, session)
    }

    /// What follows a loaded card: the patient chosen for another feature, or the edit asked for.
    private static func cardShown(_ card: PatientCard, _ state: inout PatientsState, _ session: Session) -> Outcome {
        let patient = card.patient
        if state.choosing != nil {
            state.choosing = nil
            return .delegate(.chosen(PatientRef(id: patient.id, name: patient.displayName, mrn: patient.mrn)))
        }
        let summary = PatientSummary(
            id: patient.id, mrn: patient.mrn, familyName: patient.details.familyName, givenName: patient.details.givenName,
            sex: patient.details.sex, birthDate: patient.details.birthDate, phone: patient.details.phone,
            allergyStatus: patient.allergyStatus, lastVisit: card.recentVisits.map(\.visit.day).max())
        state.opened.removeAll { $0.id == patient.id }
        state.opened.insert(summary, at: 0)
        state.opened = Array(state.opened.prefix(PatientsState.recentCount))
        if state.showingRecent { setResults(recent(state), &state) }
        if state.editAfterLoading == patient.id {
            state.editAfterLoading = nil
            startEdit(patient, &state, session)
        }
        return .none
    }

    static func startEdit(_ patient: Patient, _ state: inout PatientsState, _ session: Session) {
        state.form = RegistrationState(
            mode: .edit(patient.id, base: patient.details),
            form: RegistrationForm.state(from: patient.details, today: session.today))
    }
}
