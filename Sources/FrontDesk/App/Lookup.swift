import ClinicCore
import Foundation
import TerminalKit

/// Patient lookup: search as you type, the card, registration and editing.
enum Lookup {
    /// The search box changed: search again (or show recent patients when it is empty).
    static func queryChanged(_ state: inout AppState) -> [Effect] {
        state.lookup.limit = LookupState.pageSize
        state.lookup.list = ListState()
        return refresh(&state)
    }

    /// Runs the current search again (also after another terminal's write).
    static func refresh(_ state: inout AppState) -> [Effect] {
        let text = state.lookup.query.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            state.lookup.showingRecent = true
            guard let user = state.user else { return [] }
            return [.loadRecent(user, limit: 10)]
        }
        state.lookup.showingRecent = false
        return [.search(text, limit: state.lookup.limit)]
    }

    static func loadMore(_ state: inout AppState) -> [Effect] {
        state.lookup.limit += LookupState.pageSize
        return refresh(&state)
    }

    static func openCard(_ id: EntityID<Patient>, _ state: inout AppState) -> [Effect] {
        state.focus = .lookup
        state.lookup.form = nil
        state.lookup.card = CardState(patientID: id)
        return [.loadCard(id)]
    }

    static func command(_ command: String, _ state: inout AppState) -> [Effect] {
        guard let user = state.user else { return [] }
        switch command {
        case "lookup.open":
            guard let selected = state.lookup.selected else { return [] }
            return openCard(selected.id, &state)
        case "lookup.clear":
            state.lookup.query = TextFieldState()
            return queryChanged(&state)
        case "lookup.recall-last":
            guard state.lookup.showingRecent, let last = state.lookup.results.first else {
                state.message = StatusMessage("Clear the search box first (Esc) to recall your last patient.")
                return []
            }
            return openCard(last.id, &state)
        case "lookup.register":
            state.focus = .lookup
            state.lookup.card = nil
            state.lookup.form = RegistrationState(mode: .register, form: RegistrationForm.state(prefill: state.lookup.query.text))
        case "lookup.check-in", "card.check-in":
            let target = command == "card.check-in" ? state.lookup.card?.card.map { ($0.patient.id, $0.patient.displayName) }
                : state.lookup.selected.map { ($0.id, $0.displayName) }
            guard let (id, name) = target else { return [] }
            return [.checkInWalkIn(id, patientName: name, user)]
        case "lookup.edit", "card.edit":
            let id = command == "card.edit" ? state.lookup.card?.patientID : state.lookup.selected?.id
            guard let id else { return [] }
            if let card = state.lookup.card?.card, card.patient.id == id {
                startEdit(card.patient, &state)
                return []
            }
            state.lookup.card = CardState(patientID: id)
            state.message = StatusMessage("Opening the patient to edit…")
            return [.loadCard(id)]
        case "card.close":
            state.lookup.card = nil
        case "duplicates.use", "duplicates.register-anyway", "duplicates.back":
            return Duplicates.command(command, &state)
        default:
            break
        }
        return []
    }

    static func startEdit(_ patient: Patient, _ state: inout AppState) {
        state.lookup.form = RegistrationState(
            mode: .edit(patient.id, base: patient.details),
            form: RegistrationForm.state(from: patient.details, today: state.today)
        )
    }

    /// Form keys: move between fields, save (after the duplicate check for new patients), or leave.
    static func formCommand(_ command: String, _ state: inout AppState) -> [Effect] {
        guard var form = state.lookup.form, let user = state.user else { return [] }
        var effects: [Effect] = []
        switch command {
        case "form.next":
            form.form.focusNext()
        case "form.previous":
            form.form.focusPrevious()
        case "form.cancel":
            state.lookup.form = nil
            return []
        case "form.save":
            guard !form.isSaving else { return [] }
            let existing: PatientDetails? = if case let .edit(_, base) = form.mode { base } else { nil }
            switch RegistrationForm.parse(form.form, keeping: existing, today: state.today, dateOrder: state.dateOrder) {
            case let .failure(failure):
                let errors = failure.byField
                form.errors = errors
                if let first = errors.keys.min() { form.form.focus(on: first) }
                let count = errors.count == 1 ? "one field needs" : "\(errors.count) fields need"
                state.message = StatusMessage("Not saved: \(count) attention.", isError: true)
            case let .success(details):
                form.errors = [:]
                form.isSaving = true
                switch form.mode {
                case .register: effects = [.checkDuplicates(details)]
                case let .edit(id, base): effects = [.edit(id, base: base, edited: details, user)]
                }
            }
        default:
            break
        }
        state.lookup.form = form
        return effects
    }
}

/// The duplicate check shown before a new patient is saved.
enum Duplicates {
    static func command(_ command: String, _ state: inout AppState) -> [Effect] {
        guard let user = state.user, var form = state.lookup.form, var duplicates = form.duplicates else { return [] }
        switch command {
        case "duplicates.back":
            if duplicates.reason != nil {
                duplicates.reason = nil
                duplicates.reasonError = nil
                form.duplicates = duplicates
            } else {
                form.duplicates = nil
                form.isSaving = false
            }
            state.lookup.form = form
            return []
        case "duplicates.use":
            if duplicates.reason != nil { return registerAnyway(&duplicates, &form, user, &state) }
            guard let index = duplicates.list.selected, duplicates.candidates.indices.contains(index) else { return [] }
            let chosen = duplicates.candidates[index].patient
            state.lookup.form = nil
            state.message = StatusMessage("Using the existing record of \(chosen.displayName) (\(chosen.mrn)); nothing new was saved.")
            return [.useExisting(chosen.id, user)] + Lookup.openCard(chosen.id, &state)
        default:
            return registerAnyway(&duplicates, &form, user, &state)
        }
    }

    /// First press asks for the reason; with a reason typed, registers the new patient.
    private static func registerAnyway(
        _ duplicates: inout DuplicateState, _ form: inout RegistrationState, _ user: User, _ state: inout AppState
    ) -> [Effect] {
        guard let reason = duplicates.reason else {
            duplicates.reason = TextFieldState()
            form.duplicates = duplicates
            state.lookup.form = form
            return []
        }
        let text = reason.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            duplicates.reasonError = "Say why this is a different person (e.g. “twin”, “same name, different father”)."
            form.duplicates = duplicates
            state.lookup.form = form
            return []
        }
        let override = DuplicateOverride(reason: text, candidates: duplicates.candidates.map(\.patient.id))
        form.duplicates = nil
        state.lookup.form = form
        return [.register(duplicates.details, override, user)]
    }
}
