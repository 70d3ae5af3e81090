import ClinicCore
import Foundation
import TerminalKit

/// The providers screen's dialogs: typing and moving in the forms, saving them (read first, so
/// bad input is refused by field and nothing is saved), choosing what to withdraw, and the list of
/// appointments that time off covers.
enum ProvidersDialogs {
    typealias Outcome = ProvidersFeature.Outcome

    static func reduce(_ action: ProvidersAction, _ context: ProvidersFeature.Context, _ state: ProvidersState) -> Outcome {
        guard let modal = context.modal, let user = context.session.user else { return .none }
        switch action {
        case let .typed(edit):
            return edited(modal) { $0.apply(edit) }
        case let .form(command):
            switch command {
            case .nextField, .previousField: return edited(modal) { $0.move(command) }
            case .cancel: return ProvidersFeature.isForm(modal) ? .modal(.pop) : .none
            case .save: return save(modal, state, context.session, user)
            }
        case let .choiceMoved(move):
            guard case .chooseWithdrawal(let provider, let choices, var dialog) = modal else { return .none }
            dialog.move(move)
            return .modal(.replace(.chooseWithdrawal(provider, choices, dialog)))
        case let .choiceAnswered(answer):
            guard case let .chooseWithdrawal(provider, choices, dialog) = modal else { return .none }
            switch answer {
            case .cancel: return .modal(.pop)
            case .switchButton: return reduce(.choiceMoved(ListMove(.next)), context, state)
            case .confirm, .yes:
                guard let index = dialog.selected else { return .none }
                let exception = choices[index]
                let whose = exception.providerID == nil ? "the clinic" : provider.displayName
                return .modal(.replace(.withdraw(exception, whose: whose, ProvidersFeature.withdrawForm(exception, whose: whose))))
            }
        case let .coveredMoved(move):
            guard case var .covered(covered) = modal else { return .none }
            covered.list.select(move.move, visible: Array(covered.entries.indices), pageSize: move.pageSize)
            return .modal(.replace(.covered(covered)))
        case .coveredAnswered:
            guard case .covered = modal else { return .none }
            return .modal(.pop)
        default:
            return .none
        }
    }

    /// A change to the form on top, kept on the stack.
    private static func edited(_ modal: ProvidersModal, _ change: (inout FormDialog) -> Void) -> Outcome {
        switch modal {
        case .provider(let purpose, var form):
            change(&form)
            return .modal(.replace(.provider(purpose, form)))
        case .hours(let provider, let week, var form):
            change(&form)
            return .modal(.replace(.hours(provider, week: week, form)))
        case .exception(let purpose, var form):
            change(&form)
            return .modal(.replace(.exception(purpose, form)))
        case .withdraw(let exception, let whose, var form):
            change(&form)
            return .modal(.replace(.withdraw(exception, whose: whose, form)))
        case .roster, .chooseWithdrawal, .covered:
            return .none
        }
    }

    private static func save(_ modal: ProvidersModal, _ state: ProvidersState, _ session: Session, _ user: User) -> Outcome {
        switch modal {
        case .provider(let purpose, var form):
            guard !form.isSaving else { return .none }
            let editing: Provider? = if case let .edit(provider) = purpose { provider } else { nil }
            switch ProvidersFeature.readProvider(form, roster: state.roster, editing: editing) {
            case let .failure(problems):
                return refused(problems, &form) { .provider(purpose, $0) }
            case let .success(draft):
                if let editing {
                    let edited = Provider(id: editing.id, displayName: draft.displayName, specialty: draft.specialty,
                                          defaultSlotMinutes: draft.defaultSlotMinutes, userID: draft.userID)
                    guard edited != editing else { return Outcome(message: StatusMessage("Nothing changed for \(editing.displayName)."), modals: [.pop]) }
                    form.isSaving = true
                    return Outcome(effects: [.edit(edited, user)], modals: [.replace(.provider(purpose, form))])
                }
                form.isSaving = true
                return Outcome(effects: [.create(draft, user)], modals: [.replace(.provider(purpose, form))])
            }
        case .hours(let provider, let week, var form):
            guard !form.isSaving else { return .none }
            switch ProvidersFeature.readHours(form, week: week) {
            case let .failure(problems):
                return refused(problems, &form) { .hours(provider, week: week, $0) }
            case let .success(days):
                form.isSaving = true
                return Outcome(effects: [.setHours(provider, days, user)], modals: [.replace(.hours(provider, week: week, form))])
            }
        case .exception(let purpose, var form):
            guard !form.isSaving else { return .none }
            switch ProvidersFeature.readException(form, purpose, session: session) {
            case let .failure(problems):
                return refused(problems, &form) { .exception(purpose, $0) }
            case let .success(draft):
                form.isSaving = true
                return Outcome(effects: [.addException(draft, whose: purpose.whose, user)], modals: [.replace(.exception(purpose, form))])
            }
        case .withdraw(let exception, let whose, var form):
            guard !form.isSaving else { return .none }
            let reason = NameRule.tidy(form.text(0))
            guard !reason.isEmpty else {
                return refused(FieldProblems([0: "Say why it is withdrawn, e.g. Recorded by mistake."]), &form) {
                    .withdraw(exception, whose: whose, $0)
                }
            }
            form.isSaving = true
            return Outcome(effects: [.withdraw(exception, whose: whose, reason: reason, user)],
                           modals: [.replace(.withdraw(exception, whose: whose, form))])
        case .roster, .chooseWithdrawal, .covered:
            return .none
        }
    }

    /// Problems shown by their fields; the message line says nothing was saved.
    private static func refused(_ problems: FieldProblems, _ form: inout FormDialog,
                                _ modal: (FormDialog) -> ProvidersModal) -> Outcome {
        form.show(problems.byField)
        let count = problems.count == 1 ? "one field needs" : "\(problems.count) fields need"
        return Outcome(message: .error("Not saved: \(count) attention."), modals: [.replace(modal(form))])
    }

    /// A save the store refused: its problems go to their fields, the form stays open to try
    /// again; anything else is said in the message line.
    static func failed(_ failure: DeskError, _ context: ProvidersFeature.Context) -> Outcome {
        guard let modal = context.modal, ProvidersFeature.isForm(modal) else { return .refusal(failure.description) }
        var byField: [Int: String] = [:]
        if case let .invalid(problems) = failure {
            let fields = storeFields(modal)
            for problem in problems.problems {
                let index = fields[problem.field] ?? 0
                byField[index] = [byField[index], problem.message].compactMap { $0 }.joined(separator: " ")
            }
        }
        return edited(modal) { form in
            form.isSaving = false
            if !byField.isEmpty { form.show(byField) }
        }.with(message: .error("Not saved: \(failure.description)"))
    }

    /// Which field of the form on top each of the store's field names belongs to.
    private static func storeFields(_ modal: ProvidersModal) -> [String: Int] {
        switch modal {
        case .provider: ["provider name": ProvidersFeature.nameField, "specialty": ProvidersFeature.specialtyField,
                         "slot minutes": ProvidersFeature.slotField, "linked user": ProvidersFeature.userField]
        case .exception: ["days": ProvidersFeature.firstDayField, "reason": ProvidersFeature.exceptionReasonField]
        case .hours, .withdraw, .roster, .chooseWithdrawal, .covered: [:]
        }
    }
}
