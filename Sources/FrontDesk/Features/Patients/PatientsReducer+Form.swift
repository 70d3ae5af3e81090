import ClinicCore
import Foundation
import TerminalKit

extension PatientsFeature {
    /// Form keys: move between fields, save (after the duplicate check for new patients), or
    /// leave — asking first when something typed would be lost.
    static func formCommand(_ command: FormCommand, _ state: inout PatientsState, _ session: Session) -> Outcome {
        guard var form = state.form else { return .none }
        switch command {
        case .nextField:
            form.form.focusNext()
        case .previousField:
            form.form.focusPrevious()
        case .cancel:
            guard form.isChanged else {
                state.form = nil
                return .none
            }
            let subject = switch form.mode {
            case .register: "this new patient"
            case let .edit(_, base): base.displayName
            }
            return .modal(.confirm(Confirmation(
                title: "Discard changes?", message: "Your changes to \(subject) are not saved. Discard them?",
                yes: .discardConfirmed, yesLabel: "Discard", noLabel: "Keep editing")))
        case .save:
            guard !form.isSaving, let user = session.user else { return .none }
            let existing: PatientDetails? = if case let .edit(_, base) = form.mode { base } else { nil }
            switch RegistrationForm.parse(form.form, keeping: existing, today: session.today, dateOrder: session.dateOrder) {
            case let .failure(failure):
                let outcome = showErrors(failure.byField, on: &form)
                state.form = form
                return outcome
            case let .success(details):
                form.errors = [:]
                form.isSaving = true
                form.submitted = details
                state.form = form
                switch form.mode {
                case .register: return .effects(.checkDuplicates(details))
                case let .edit(id, base): return .effects(.edit(id, base: base, edited: details, user))
                }
            }
        }
        state.form = form
        return .none
    }

    /// Puts problems next to their fields and the cursor on the first.
    static func showErrors(_ errors: [Int: String], on form: inout RegistrationState) -> Outcome {
        form.errors = errors
        form.isSaving = false
        if let first = errors.keys.min() { form.form.focus(on: first) }
        let count = errors.count == 1 ? "one field needs" : "\(errors.count) fields need"
        return .refusal("Not saved: \(count) attention.")
    }

    /// A save the store refused: validation problems go to their fields, a conflict opens the
    /// dialog that decides it, anything else is said in the message line.
    static func saveFailed(_ failure: DeskError, _ state: inout PatientsState, _ context: Context) -> Outcome {
        switch context.modal {
        case .allergy(let id, var form):
            form.isSaving = false
            if case let .invalid(problems) = failure { form.show([0: problems.description]) }
            return Outcome(message: .error("Not saved: \(failure.description)"), modals: [.replace(.allergy(id, form))])
        case .medicine(let id, var form):
            form.isSaving = false
            if case let .invalid(problems) = failure { form.show([0: problems.description]) }
            return Outcome(message: .error("Not saved: \(failure.description)"), modals: [.replace(.medicine(id, form))])
        case .stopReason(let medicine, var form):
            form.isSaving = false
            if case let .invalid(problems) = failure { form.show([0: problems.description]) }
            return Outcome(message: .error("Not saved: \(failure.description)"), modals: [.replace(.stopReason(medicine, form))])
        case .unableToAsk(let id, var form):
            form.isSaving = false
            if case let .invalid(problems) = failure { form.show([0: problems.description]) }
            return Outcome(message: .error("Not saved: \(failure.description)"), modals: [.replace(.unableToAsk(id, form))])
        case .retractReason(let allergy, var form):
            form.isSaving = false
            if case let .invalid(problems) = failure { form.show([0: problems.description]) }
            return Outcome(message: .error("Not saved: \(failure.description)"), modals: [.replace(.retractReason(allergy, form))])
        default:
            break
        }
        state.form?.isSaving = false
        let conflictOnTop: EditConflictState? = if case let .editConflict(dialog) = context.modal { dialog } else { nil }
        switch failure {
        case let .invalid(problems):
            guard var form = state.form else { return .refusal(failure.description) }
            let outcome = showErrors(RegistrationForm.errors(from: problems), on: &form)
            state.form = form
            return conflictOnTop == nil ? outcome : outcome + .modal(.pop)
        case let .editConflict(conflict):
            if let dialog = conflictOnTop {
                let next = EditConflictState(patientID: dialog.patientID, base: dialog.base, edited: dialog.edited,
                                             conflict: conflict)
                return Outcome(message: .error(conflict.description), modals: [.replace(.editConflict(next))])
            }
            guard let form = state.form, case let .edit(id, base) = form.mode, let edited = form.submitted else {
                return .refusal(conflict.description)
            }
            let dialog = EditConflictState(patientID: id, base: base, edited: edited, conflict: conflict)
            return Outcome(message: .error(conflict.description), modals: [.push(.editConflict(dialog))])
        case .refused, .failed, .slotProblems:
            if var dialog = conflictOnTop {
                dialog.isSaving = false
                return Outcome(message: .error("Not saved: \(failure.description)"), modals: [.replace(.editConflict(dialog))])
            }
            return .refusal("Not saved: \(failure.description)")
        }
    }

    // MARK: - The duplicate check

    static func duplicates(_ command: DuplicatesCommand, _ state: inout PatientsState, _ context: Context) -> Outcome {
        guard case var .duplicates(dialog) = context.modal, let user = context.session.user else { return .none }
        switch command {
        case .back:
            if dialog.reason != nil {
                dialog.reason = nil
                dialog.reasonError = nil
                return .modal(.replace(.duplicates(dialog)))
            }
            state.form?.isSaving = false
            return .modal(.pop)
        case .use:
            if dialog.reason != nil { return registerAnyway(dialog, &state, user) }
            guard let index = dialog.list.selected, dialog.candidates.indices.contains(index) else {
                return .refusal("Highlight the existing patient to use, or register anyway.")
            }
            let chosen = dialog.candidates[index].patient
            state.form = nil
            return Outcome(effects: [.recordUseOfExisting(chosen.id, user)], modals: [.pop])
                + open(chosen.id, &state)
                + .message("Using the existing record of \(chosen.displayName) (\(chosen.mrn)); nothing new was saved.")
        case .registerAnyway:
            return registerAnyway(dialog, &state, user)
        }
    }

    /// First press asks for the reason; with a reason typed, registers the new patient.
    private static func registerAnyway(_ dialog: DuplicateState, _ state: inout PatientsState, _ user: User) -> Outcome {
        var dialog = dialog
        guard let reason = dialog.reason else {
            dialog.reason = TextFieldState()
            return .modal(.replace(.duplicates(dialog)))
        }
        let text = reason.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            dialog.reasonError = "Say why this is a different person (e.g. “twin”, “same name, different father”)."
            return .modal(.replace(.duplicates(dialog)))
        }
        state.form?.isSaving = true
        let override = DuplicateOverride(reason: text, candidates: dialog.candidates.map(\.patient.id))
        return Outcome(effects: [.register(dialog.details, override, user)], modals: [.pop])
    }

    // MARK: - The edit conflict

    static func conflict(_ command: ConflictCommand, _ state: inout PatientsState, _ context: Context) -> Outcome {
        guard case var .editConflict(dialog) = context.modal, let user = context.session.user else { return .none }
        switch command {
        case .keepMine, .takeTheirs:
            guard let field = dialog.selectedField else { return .none }
            dialog.choices[field] = command == .keepMine ? .mine : .theirs
            dialog.problem = nil
            if let next = dialog.conflict.fields.firstIndex(where: { dialog.choices[$0.field] == nil }) {
                dialog.list.selected = next
            }
            return .modal(.replace(.editConflict(dialog)))
        case .save:
            guard !dialog.isSaving else { return .none }
            let undecided = dialog.undecided
            guard undecided.isEmpty else {
                dialog.problem = "Choose yours or theirs for: " + undecided.map { $0.label.lowercased() }.joined(separator: ", ") + "."
                return .modal(.replace(.editConflict(dialog)))
            }
            let current = dialog.conflict.current.details
            let takingTheirs = Set(dialog.choices.filter { $0.value == .theirs }.keys)
            let rebased = EditConflicts.rebase(base: dialog.base, edited: dialog.edited, current: current,
                                               takingTheirs: takingTheirs)
            dialog.base = current
            dialog.edited = rebased
            dialog.isSaving = true
            state.form?.isSaving = true
            return Outcome(effects: [.edit(dialog.patientID, base: current, edited: rebased, user)],
                           modals: [.replace(.editConflict(dialog))])
        case .back:
            state.form?.isSaving = false
            return .modal(.pop)
        }
    }
}
