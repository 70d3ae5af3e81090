public import ClinicCore
import Foundation
import TerminalKit

/// The schedule's dialogs: which day to show, which provider alone, which appointment of an
/// overbooked slot, and an appointment's history.
enum ScheduleModals {
    typealias Outcome = ScheduleFeature.Outcome

    static func reduce(_ state: inout ScheduleState, _ action: ScheduleAction, _ context: ScheduleFeature.Context) -> Outcome {
        let session = context.session
        switch action {
        case .chooseDate:
            let dialog = FormDialog(title: "Go to a day", intro: "Type \(DayInput.examples(session.dateOrder)).",
                                    fields: [FormField("Day", placeholder: "tomorrow", isRequired: true)])
            return .modal(.push(.date(dialog)))
        case let .dateTyped(edit):
            guard case var .date(dialog)? = context.modal else { return .none }
            dialog.apply(edit)
            return .modal(.replace(.date(dialog)))
        case let .dateForm(command):
            guard case var .date(dialog)? = context.modal else { return .none }
            switch command {
            case .cancel:
                return .modal(.pop)
            case .previousField:
                return .none
            case .save, .nextField:
                let text = dialog.text(0)
                guard let day = DayInput.parse(text, today: session.today, order: session.dateOrder) else {
                    dialog.show([0: text.isEmpty ? "Type a day." : "“\(text)” is not a day: type \(DayInput.examples(session.dateOrder))."])
                    return .modal(.replace(.date(dialog)))
                }
                state.cursor.time = nil
                return .modal(.pop) + ScheduleFeature.show(&state, day: day)
            }
        case .chooseProvider:
            let providers = state.book?.days.map(\.provider) ?? []
            guard !providers.isEmpty else { return .refusal("There are no providers to choose from yet.") }
            let ids: [EntityID<Provider>?] = [nil] + providers.map(\.id)
            let options = [ChoiceDialog.Option("All providers", detail: "side by side")]
                + providers.map { ChoiceDialog.Option($0.displayName, detail: $0.specialty.rawValue) }
            let selected = ids.firstIndex(of: state.providerFilter) ?? 0
            let dialog = ChoiceDialog(title: "Show which provider?", message: "The book shows this provider alone, every day, until you choose all again.",
                                      options: options, selected: selected)
            return .modal(.push(.providers(ids, dialog)))
        case let .dialogMoved(move):
            switch context.modal {
            case var .providers(ids, dialog)?:
                dialog.move(move)
                return .modal(.replace(.providers(ids, dialog)))
            case var .which(purpose, entries, dialog)?:
                dialog.move(move)
                return .modal(.replace(.which(purpose, entries, dialog)))
            case var .history(dialog)?:
                dialog.move(move)
                return .modal(.replace(.history(dialog)))
            default:
                return .none
            }
        case let .dialogAnswered(answer):
            return answered(&state, answer, context)
        case let .historyLoaded(entry, events):
            let options = events.map { event in
                ChoiceDialog.Option(ClockText.moment(event.at, session: session), detail: "\(event.actor): \(event.summary)")
            }
            let dialog = ChoiceDialog(title: "History — \(entry.patientName), \(DayText.moment(entry.appointment.start, today: session.today))",
                                      message: options.isEmpty ? "Nothing recorded yet." : "Most recent first; nothing here can be changed.",
                                      options: options, isReadOnly: true)
            return .modal(.push(.history(dialog)))
        default:
            return .none
        }
    }

    private static func answered(_ state: inout ScheduleState, _ answer: DialogCommand, _ context: ScheduleFeature.Context) -> Outcome {
        guard answer == .confirm || answer == .yes else { return .modal(.pop) }
        switch context.modal {
        case let .providers(ids, dialog)?:
            guard let index = dialog.selected else { return .modal(.pop) }
            state.providerFilter = ids[index]
            if let only = ids[index] { state.cursor.provider = only }
            let name = ids[index].flatMap { id in state.book?.days.first { $0.provider.id == id }?.provider.displayName }
            return .modal(.pop) + .message(name.map { "Showing \($0) alone." } ?? "Showing all providers.")
        case let .which(purpose, entries, dialog)?:
            guard let index = dialog.selected else { return .modal(.pop) }
            return .modal(.pop) + ScheduleFeature.reduce(&state, .act(purpose, entries[index]), context)
        case .history?:
            return .modal(.pop)
        default:
            return .none
        }
    }
}

extension ScheduleFeature {
    /// What the waitlist's `/` filter matches: the words each row shows.
    static func waitlistTexts(_ state: ScheduleState, _ session: Session) -> [String] {
        state.waitlist.map { entry in
            "\(entry.patientName) \(entry.patientMRN) \(providerName(state, entry.providerID)) "
                + "\(WaitlistView.dates(entry, today: session.today)) \(WaitlistView.times(entry)) \(entry.note)"
        }
    }

    /// A provider's name from the book, or "anyone" for an entry that takes any provider.
    static func providerName(_ state: ScheduleState, _ id: EntityID<Provider>?) -> String {
        guard let id else { return "anyone" }
        return state.book?.days.first { $0.provider.id == id }?.provider.displayName ?? "a provider no longer listed"
    }

    /// The selected waitlist entry, when the filter keeps it.
    static func selectedWaitlistEntry(_ state: ScheduleState, _ session: Session) -> WaitlistEntry? {
        ListBehaviour.selectedIndex(state.waitlistList, count: state.waitlist.count) { waitlistTexts(state, session) }
            .map { state.waitlist[$0] }
    }
}
