import Foundation
import ClinicCore
import TerminalKit

/// Keys inside the booking dialogs: typing into forms, moving in lists, saving and choosing.
enum BookingDialogs {
    typealias Outcome = BookingFeature.Outcome

    static func typed(_ edit: TextEdit, _ context: BookingFeature.Context) -> Outcome {
        guard let modal = context.modal else { return .none }
        return .modal(.replace(modal.editingForm { $0.apply(edit) }))
    }

    static func moved(_ move: ListMove, _ context: BookingFeature.Context) -> Outcome {
        guard let modal = context.modal else { return .none }
        return .modal(.replace(modal.editingChoice { $0.move(move) }))
    }

    static func form(_ state: inout BookingState, _ command: FormCommand, _ context: BookingFeature.Context) -> Outcome {
        guard let modal = context.modal, let dialog = modal.form else { return .none }
        switch command {
        case .cancel: return .modal(.pop)
        case .previousField: return .modal(.replace(modal.editingForm { $0.move(.previousField) }))
        case .nextField where dialog.form.focus < dialog.fields.count - 1:
            return .modal(.replace(modal.editingForm { $0.move(.nextField) }))
        case .nextField, .save:
            return save(&state, modal, dialog, context)
        }
    }

    /// Saving a form dialog: read it, then the next step or the write.
    private static func save(_ state: inout BookingState, _ modal: BookingModal, _ dialog: FormDialog,
                             _ context: BookingFeature.Context) -> Outcome {
        let session = context.session
        guard let user = session.user else { return .none }
        var dialog = dialog
        let values = dialog.fields.indices.map(dialog.text)
        switch modal {
        case let .slotsFrom(choice, _):
            guard let day = DayInput.parse(values[0], today: session.today, order: session.dateOrder) else {
                dialog.show([0: "Type \(DayInput.examples(session.dateOrder))."])
                return .modal(.replace(.slotsFrom(choice, dialog)))
            }
            var next = SlotChoice(patient: choice.patient, provider: choice.provider, purpose: choice.purpose, from: max(day, session.today))
            next.dialog.title = choice.dialog.title
            return Outcome(effects: [.loadSlots(next)], modals: [.pop, .replace(.slots(next))])
        case let .details(draft, _):
            switch BookingForms.details(values, draft: draft, providers: state.providers.isEmpty ? [draft.slot.provider] : state.providers,
                                        today: session.today, order: session.dateOrder) {
            case let .failure(problems):
                dialog.show(problems.byField)
                return .modal(.replace(.details(draft, dialog)))
            case let .success(ready):
                if ready.purpose == .series {
                    let series = FormDialog(title: "Repeat the appointment",
                                            intro: "Every occurrence is checked before anything is saved.",
                                            fields: BookingForms.seriesFields, values: ["1w", "6"])
                    // On top of the details, so Esc goes back to them as typed.
                    return .modal(.push(.series(ready, series)))
                }
                return Outcome(effects: [.book(ready, overbookReason: nil, user)], modals: [.pop])
            }
        case let .overbook(pending, problems, _):
            let reason = values[0].trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else {
                dialog.show([0: "Say why this slot is booked anyway; the book and the audit trail show it."])
                return .modal(.replace(.overbook(pending, problems, dialog)))
            }
            switch pending {
            case let .booking(draft): return Outcome(effects: [.book(draft, overbookReason: reason, user)], modals: [.pop, .pop])
            case let .move(entry, slot): return Outcome(effects: [.move(entry, slot, overbookReason: reason, user)], modals: [.pop])
            }
        case let .series(draft, _):
            switch BookingForms.series(values, today: session.today, order: session.dateOrder) {
            case let .failure(problems):
                dialog.show(problems.byField)
                return .modal(.replace(.series(draft, dialog)))
            case let .success(rule):
                // Checking reads only: the form stays as typed (not "Saving…"), so going back to it,
                // or a check that fails, leaves it ready to change.
                return .effects(.checkSeries(draft, rule))
            }
        case let .cancelText(entry, _):
            let reason = values[0].trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else {
                dialog.show([0: "Say why it is cancelled."])
                return .modal(.replace(.cancelText(entry, dialog)))
            }
            return .modal(.pop) + BookingChanges.cancelWith(reason, entry)
        case let .waitlistAdd(patient, _):
            switch BookingForms.waitlist(values, providers: state.providers, today: session.today, order: session.dateOrder) {
            case let .failure(problems):
                dialog.show(problems.byField)
                return .modal(.replace(.waitlistAdd(patient, dialog)))
            case let .success(wish):
                return Outcome(effects: [.addToWaitlist(patient, wish, user)], modals: [.pop])
            }
        case let .withdraw(entry, _):
            let reason = values[0].trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else {
                dialog.show([0: "Say why \(entry.patientName) leaves the waitlist (booked elsewhere, no longer needed…)."])
                return .modal(.replace(.withdraw(entry, dialog)))
            }
            return Outcome(effects: [.withdraw(entry, reason: reason, user)], modals: [.pop])
        case let .followUpWhen(patient, earlier, _):
            let text = values[0].trimmingCharacters(in: .whitespaces)
            let day = DayInput.distance(text).map { $0.apply(to: session.today) }
                ?? DayInput.parse(text, today: session.today, order: session.dateOrder)
            guard let day, day > session.today else {
                dialog.show([0: "Type when: 2w, 10d, 3m, or a day after today (\(DayInput.examples(session.dateOrder)))."])
                return .modal(.replace(.followUpWhen(patient, earlier, dialog)))
            }
            // The first free slots around that day: from two days before it, never before tomorrow.
            let from = max(day.adding(days: -2), session.today.adding(days: 1))
            return Outcome(effects: [.loadProviders(patient, .followUp(earlier), from: from)], modals: [.pop])
        case .provider, .slots, .seriesProblems, .cancelReason, .cancelScope, .offer:
            return .none
        }
    }

    static func answered(_ state: inout BookingState, _ answer: DialogCommand, _ context: BookingFeature.Context) -> Outcome {
        guard let modal = context.modal else { return .none }
        guard answer == .confirm || answer == .yes else { return answer == .switchButton ? .none : .modal(.pop) }
        let session = context.session
        switch modal {
        case let .provider(patient, purpose, from, providers, dialog):
            guard let index = dialog.selected else { return .none }
            let choice = SlotChoice(patient: patient, provider: providers[index], purpose: purpose, from: from)
            return Outcome(effects: [.loadSlots(choice)], modals: [.replace(.slots(choice))])
        case let .slots(choice):
            guard let index = choice.dialog.selected, choice.slots.indices.contains(index) else { return .none }
            let slot = BookSlot(provider: choice.provider, start: choice.slots[index])
            let draft = BookingFeature.draft(choice.patient, slot, choice.purpose)
            return .modal(.replace(.details(draft, BookingForms.detailsDialog(draft, today: session.today))))
        case let .seriesProblems(plan, dialog):
            return BookingChanges.seriesAnswer(plan, dialog.selected ?? 2, session)
        case let .cancelReason(entry, dialog):
            guard let index = dialog.selected else { return .none }
            let kind = CancelKind.allCases[index]
            guard kind != .other else {
                let text = FormDialog(title: "Why is it cancelled?", fields: [FormField("Reason", isRequired: true)])
                return .modal(.replace(.cancelText(entry, text)))
            }
            return .modal(.pop) + BookingChanges.cancelWith(kind.rawValue, entry)
        case let .cancelScope(entry, reason, dialog):
            let series = dialog.selected == 1
            return .modal(.pop) + BookingChanges.confirmCancel(entry, reason: reason, series: series, session)
        case let .offer(slot, entries, dialog):
            guard let index = dialog.selected else { return .none }
            let entry = entries[index]
            let patient = PatientRef(id: entry.patientID, name: entry.patientName, mrn: entry.patientMRN)
            let draft = BookingFeature.draft(patient, slot, .waitlist(entry))
            return .modal(.replace(.details(draft, BookingForms.detailsDialog(draft, today: session.today))))
        case .slotsFrom, .details, .overbook, .series, .cancelText, .waitlistAdd, .withdraw, .followUpWhen:
            return .none
        }
    }
}

extension BookingModal {
    /// The form of a form dialog step.
    var form: FormDialog? {
        switch self {
        case let .slotsFrom(_, dialog), let .details(_, dialog), let .overbook(_, _, dialog), let .series(_, dialog),
             let .cancelText(_, dialog), let .waitlistAdd(_, dialog), let .withdraw(_, dialog), let .followUpWhen(_, _, dialog):
            dialog
        case .provider, .slots, .seriesProblems, .cancelReason, .cancelScope, .offer:
            nil
        }
    }

    /// The same step with its form changed.
    func editingForm(_ change: (inout FormDialog) -> Void) -> BookingModal {
        switch self {
        case var .slotsFrom(choice, dialog): change(&dialog); return .slotsFrom(choice, dialog)
        case var .details(draft, dialog): change(&dialog); return .details(draft, dialog)
        case var .overbook(pending, problems, dialog): change(&dialog); return .overbook(pending, problems, dialog)
        case var .series(draft, dialog): change(&dialog); return .series(draft, dialog)
        case var .cancelText(entry, dialog): change(&dialog); return .cancelText(entry, dialog)
        case var .waitlistAdd(patient, dialog): change(&dialog); return .waitlistAdd(patient, dialog)
        case var .withdraw(entry, dialog): change(&dialog); return .withdraw(entry, dialog)
        case var .followUpWhen(patient, earlier, dialog): change(&dialog); return .followUpWhen(patient, earlier, dialog)
        case .provider, .slots, .seriesProblems, .cancelReason, .cancelScope, .offer: return self
        }
    }

    /// The same step with its list moved.
    func editingChoice(_ change: (inout ChoiceDialog) -> Void) -> BookingModal {
        switch self {
        case var .provider(patient, purpose, from, providers, dialog):
            change(&dialog)
            return .provider(patient, purpose, from: from, providers, dialog)
        case var .slots(choice): change(&choice.dialog); return .slots(choice)
        case var .seriesProblems(plan, dialog): change(&dialog); return .seriesProblems(plan, dialog)
        case var .cancelReason(entry, dialog): change(&dialog); return .cancelReason(entry, dialog)
        case var .cancelScope(entry, reason, dialog): change(&dialog); return .cancelScope(entry, reason: reason, dialog)
        case var .offer(slot, entries, dialog): change(&dialog); return .offer(slot, entries, dialog)
        case .slotsFrom, .details, .overbook, .series, .cancelText, .waitlistAdd, .withdraw, .followUpWhen: return self
        }
    }
}
