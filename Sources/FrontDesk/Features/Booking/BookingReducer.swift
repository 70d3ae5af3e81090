public import ClinicCore
import TerminalKit

/// Booking: from a free slot (the patient chosen in patient lookup) or for a patient (provider,
/// then the next free slots), confirmed in one dialog and saved in one write; a slot with
/// problems becomes an overbook with a reason for those allowed. Moving, cancelling, no-shows,
/// confirming, series and the waitlist are in the extensions beside this file.
public enum BookingFeature {
    /// What a commit elsewhere must change for this feature to reread. The providers to book with.
    static let reads: Set<ClinicDataKind> = [.providers]

    public typealias Outcome = FrontDesk.Outcome<BookingAction, BookingEffect, BookingDelegate, BookingModal>
    public typealias Context = FeatureContext<BookingModal>

    /// The free-slot list's own keys (another day), over the dialog's.
    public static let slotsContext = "booking.slots"

    public static func reduce(_ state: inout BookingState, _ action: BookingAction, _ context: Context) -> Outcome {
        let session = context.session
        switch action {
        case let .bookSlot(slot, series):
            state.awaiting = series ? .series(slot) : .slot(slot)
            return .delegate(.choosePatient(series ? .series(slot) : .slot(slot)))
        case let .bookFor(patient):
            return .effects(.loadProviders(patient, .book, from: session.today))
        case let .patientChosen(patient):
            let awaiting = state.awaiting
            state.awaiting = nil
            guard let patient, let awaiting else { return .none }
            switch awaiting {
            case let .slot(slot):
                return .modal(.push(.details(draft(patient, slot, .book), BookingForms.detailsDialog(draft(patient, slot, .book), today: session.today))))
            case let .series(slot):
                let first = draft(patient, slot, .series)
                return .modal(.push(.details(first, BookingForms.detailsDialog(first, today: session.today))))
            case let .waitlist(provider):
                return reduce(&state, .addToWaitlist(patient, provider), context)
            }
        case .refresh:
            return .effects(.loadProviderList)
        case let .providerList(providers):
            state.providers = providers
            return .none
        case let .providersLoaded(patient, purpose, from, providers, usual):
            state.providers = providers
            guard !providers.isEmpty else { return .refusal("There are no providers to book with yet; an admin adds them.") }
            // A follow-up stays with the earlier appointment's provider, a waitlist entry with the one it asked for.
            let known: EntityID<Provider>? = switch purpose {
            case let .followUp(earlier?): earlier.appointment.providerID
            case let .waitlist(entry): entry.providerID
            default: nil
            }
            if let known, let provider = providers.first(where: { $0.id == known }) {
                let choice = SlotChoice(patient: patient, provider: provider, purpose: purpose, from: from)
                return Outcome(effects: [.loadSlots(choice)], modals: [.push(.slots(choice))])
            }
            let options = providers.map { ChoiceDialog.Option($0.displayName, detail: $0.specialty.rawValue + ($0.id == usual ? " · usual" : "")) }
            let selected = providers.firstIndex { $0.id == usual } ?? 0
            let dialog = ChoiceDialog(title: "Book \(patient.name) with…", message: "Choose the provider; their next free slots follow.",
                                      options: options, selected: selected)
            return .modal(.push(.provider(patient, purpose, from: from, providers, dialog)))
        case let .slotsLoaded(choice, slots):
            guard case let .slots(open)? = context.modal, open.provider.id == choice.provider.id, open.from == choice.from else { return .none }
            return .modal(.replace(.slots(slotChoice(choice, slots, session))))
        case let .typed(edit):
            return BookingDialogs.typed(edit, context)
        case let .form(command):
            return BookingDialogs.form(&state, command, context)
        case let .moved(move):
            return BookingDialogs.moved(move, context)
        case let .answered(answer):
            return BookingDialogs.answered(&state, answer, context)
        case .slotsFromDate:
            guard case let .slots(choice)? = context.modal else { return .none }
            let dialog = FormDialog(title: "Free slots from which day?", intro: "Type \(DayInput.examples(session.dateOrder)).",
                                    fields: [FormField("From", isRequired: true)], values: ["\(choice.from)"])
            return .modal(.push(.slotsFrom(choice, dialog)))
        case let .bookingFailed(draft, failure):
            return bookingFailed(draft, failure, context)
        case let .wrote(message, freed):
            var outcome = Outcome(delegates: [.storeWritten], message: StatusMessage(message))
            // Only a slot still to come is offered (a freed slot of a past day, or one already over, is not).
            if let freed, let end = ClockTime(minuteOfDay: min(1439, freed.start.time.minuteOfDay + freed.minutes)),
               LocalDateTime(date: freed.start.date, time: end) > session.localNow {
                outcome.effects.append(.fitting(freed))
            }
            return outcome
        case let .seriesBooked(message):
            var outcome = Outcome(delegates: [.storeWritten], message: StatusMessage(message))
            if case .series? = context.modal { outcome.modals = [.pop, .pop] }
            return outcome
        case let .failed(failure):
            return .refusal(failure.description)
        case .delegate:
            return .none
        default:
            return BookingChanges.reduce(&state, action, context)
        }
    }

    /// A draft for a patient in a slot: a follow-up when they have been seen by this provider before.
    static func draft(_ patient: PatientRef, _ slot: BookSlot, _ purpose: BookingPurpose) -> BookingDraft {
        var draft = BookingDraft(patient: patient, slot: slot, purpose: purpose)
        if case .followUp = purpose { draft.kind = .followUp }
        if case let .waitlist(entry) = purpose, !entry.note.isEmpty { draft.reason = String(entry.note.prefix(120)) }
        return draft
    }

    /// The free-slot list with its slots (or why there are none).
    static func slotChoice(_ choice: SlotChoice, _ slots: [LocalDateTime], _ session: Session) -> SlotChoice {
        var choice = choice
        choice.slots = slots
        let from = DayText.relative(choice.from, today: session.today)
        let options = slots.map { ChoiceDialog.Option(DayText.moment($0, today: session.today), detail: DayText.short($0.date)) }
        let message = slots.isEmpty
            ? "\(choice.provider.displayName) has no free slot in the 60 days from \(from). Try another day or provider."
            : "\(choice.patient.name): the next free slots from \(from)."
        choice.dialog = ChoiceDialog(title: "Free with \(choice.provider.displayName)", message: message, options: options)
        return choice
    }

    /// A booking the store refused: the details open again as they were, and slot problems
    /// become the overbook question for those allowed to overbook.
    static func bookingFailed(_ draft: BookingDraft, _ failure: DeskError, _ context: Context) -> Outcome {
        let details = BookingModal.details(draft, BookingForms.detailsDialog(draft, today: context.session.today))
        switch failure {
        case let .slotProblems(problems):
            guard context.session.may(.overbook) else {
                return Outcome(message: .error("\(failure.description) Only a doctor or an admin may overbook; choose another time."),
                               modals: [.push(details)])
            }
            return .modal(.push(details), .push(.overbook(.booking(draft), problems, overbookDialog(problems))))
        default:
            let words = failure.description.hasPrefix("Not booked") ? failure.description : "Not booked: \(failure.description)"
            return Outcome(message: .error(words), modals: [.push(details)])
        }
    }

    /// The overbook question: the problems in words, and the reason.
    static func overbookDialog(_ problems: [BookingProblem]) -> FormDialog {
        let listed = problems.map { "• \($0.description)" }.joined(separator: " ")
        return FormDialog(title: "Overbook?", intro: "This slot has problems: \(listed) Booking it anyway is an overbook; the book shows it as one. Why?",
                          fields: [FormField("Reason", placeholder: "e.g. urgent, doctor agreed", isRequired: true)])
    }

    public static func input(modal: BookingModal) -> InputLayer<BookingAction> {
        switch modal {
        case .provider, .seriesProblems, .cancelReason, .cancelScope, .offer:
            return ChoiceDialog.input(moved: BookingAction.moved, answered: BookingAction.answered)
        case .slots:
            let dialog = ChoiceDialog.input(moved: BookingAction.moved, answered: BookingAction.answered)
            return InputLayer(contexts: [slotsContext] + dialog.contexts, routed: dialog.routed)
        case .slotsFrom, .details, .overbook, .series, .cancelText, .waitlistAdd, .withdraw, .followUpWhen:
            return FormDialog.input(typed: BookingAction.typed, form: BookingAction.form)
        }
    }

    public static let commands: [CommandSpec<BookingState, BookingAction>] = [
        CommandSpec("booking.from-date", "List the provider's free slots from another day", contexts: [slotsContext],
                    action: .slotsFromDate),
    ]
}
