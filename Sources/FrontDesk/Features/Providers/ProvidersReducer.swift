public import ClinicCore
import Foundation
import TerminalKit

/// Providers, their weekly hours and their leave, for the clinic admin: add and edit providers,
/// set the hours of each weekday with breaks, record leave, partial days and clinic holidays,
/// and withdraw them. Time off never cancels an appointment: those it covers are listed to rebook.
public enum ProvidersFeature {
    /// What a commit elsewhere must change for this feature to reread. Providers with their hours and leave, the appointments leave covers, the users they are linked to.
    static let reads: Set<ClinicDataKind> = [.providers, .appointments, .users]

    public typealias Outcome = FrontDesk.Outcome<ProvidersAction, ProvidersEffect, ProvidersDelegate, ProvidersModal>
    public typealias Context = FeatureContext<ProvidersModal>

    /// The roster's keymap context.
    public static let context = "providers"

    public static func reduce(_ state: inout ProvidersState, _ action: ProvidersAction, _ context: Context) -> Outcome {
        let session = context.session
        let today = session.today
        switch action {
        case .open:
            guard !state.isOpen else { return .none }
            let monday = today.adding(days: 1 - today.isoWeekday)
            state = ProvidersState()
            state.isOpen = true
            state.weekStart = monday
            return Outcome(effects: [.load(from: monday)], modals: [.push(.roster)])
        case .close:
            state = ProvidersState()
            return .modal(.pop)
        case .refresh:
            guard state.isOpen, let monday = state.weekStart else { return .none }
            return .effects(.load(from: monday))
        case let .loaded(roster):
            guard state.isOpen else { return .none }
            let selectedID = selected(state, today)?.id
            state.roster = roster
            let rows = state.rows
            ListBehaviour.reload(&state.list, selected: selectedID, ids: rows.map(\.id)) {
                ProvidersText.searchTexts(rows, today: today)
            }
            return .none
        case let .move(move):
            let rows = state.rows
            ListBehaviour.move(&state.list, move, count: rows.count) { ProvidersText.searchTexts(rows, today: today) }
            return .none
        case let .filter(command):
            let rows = state.rows
            ListBehaviour.filter(&state.list, command, count: rows.count) { ProvidersText.searchTexts(rows, today: today) }
            return .none
        case let .filterTyped(edit):
            let rows = state.rows
            ListBehaviour.editFilter(&state.list, edit, count: rows.count) { ProvidersText.searchTexts(rows, today: today) }
            return .none
        case .addProvider:
            return .modal(.push(.provider(.add, providerForm(.add, roster: state.roster))))
        case .editProvider:
            guard let row = selected(state, today) else { return .none }
            return .modal(.push(.provider(.edit(row.provider), providerForm(.edit(row.provider), roster: state.roster))))
        case .setHours:
            guard let row = selected(state, today) else { return .none }
            return .modal(.push(.hours(row.provider, week: row.week, hoursForm(row.provider, week: row.week))))
        case .addLeave:
            guard let row = selected(state, today) else { return .none }
            return .modal(.push(.exception(.leave(row.provider), exceptionForm(.leave(row.provider), today: today))))
        case .addHoliday:
            return .modal(.push(.exception(.holiday, exceptionForm(.holiday, today: today))))
        case .withdraw:
            guard let row = selected(state, today) else { return .none }
            let choices = withdrawable(row, state, today)
            guard !choices.isEmpty else { return .refusal(nothingToWithdraw(row.provider)) }
            let options = choices.map { ChoiceDialog.Option($0.when, detail: $0.words) }
            return .modal(.push(.chooseWithdrawal(row.provider, choices, ChoiceDialog(
                title: "Withdraw leave or a holiday",
                message: "Which time off of \(row.provider.displayName) (or the clinic's) is withdrawn?", options: options))))
        case .typed, .form, .choiceMoved, .choiceAnswered, .coveredMoved, .coveredAnswered:
            return ProvidersDialogs.reduce(action, context, state)
        case let .saved(message):
            return Outcome(delegates: [.storeWritten], message: StatusMessage(message), modals: isSavingForm(context.modal) ? [.pop] : [])
        case let .exceptionAdded(exception, whose, covered):
            var outcome = Outcome(delegates: [.storeWritten], modals: isSavingForm(context.modal) ? [.pop] : [])
            let recorded = "Recorded \(ProvidersText.exception(exception)) for \(whose)."
            if covered.isEmpty {
                outcome.message = StatusMessage(recorded + " No booked appointment falls in it.")
            } else {
                let count = covered.count == 1 ? "1 booked appointment falls" : "\(covered.count) booked appointments fall"
                outcome.message = StatusMessage(recorded + " \(count) in it and still stand\(covered.count == 1 ? "s" : ""): rebook them.")
                outcome.modals.append(.push(.covered(CoveredAppointments(exception: exception, whose: whose, entries: covered))))
            }
            return outcome
        case let .failed(failure):
            return ProvidersDialogs.failed(failure, context)
        case .delegate:
            return .none
        }
    }

    /// The selected provider, when the filter keeps them.
    public static func selected(_ state: ProvidersState, _ today: CalendarDate) -> ProviderSchedule? {
        let rows = state.rows
        return ListBehaviour.selectedIndex(state.list, count: rows.count) { ProvidersText.searchTexts(rows, today: today) }
            .map { rows[$0] }
    }

    /// The provider's own leave and the clinic's holidays that have not ended yet, soonest first.
    static func withdrawable(_ row: ProviderSchedule, _ state: ProvidersState, _ today: CalendarDate) -> [ScheduleException] {
        (row.leave + (state.roster?.holidays ?? [])).filter { $0.lastDay >= today }
            .sorted { ($0.firstDay, $0.id.description) < ($1.firstDay, $1.id.description) }
    }

    static func nothingToWithdraw(_ provider: Provider) -> String {
        "\(provider.displayName) has no leave ahead, and the clinic no holiday: there is nothing to withdraw."
    }

    /// Whether the modal on top is one of the forms (a save or a failure answers it).
    static func isForm(_ modal: ProvidersModal?) -> Bool {
        switch modal {
        case .provider, .hours, .exception, .withdraw: true
        case .roster, .chooseWithdrawal, .covered, nil: false
        }
    }

    /// Whether the top modal is a form waiting for its save: only that one closes when a save
    /// answers (a form opened since, or one still being typed, stays).
    static func isSavingForm(_ modal: ProvidersModal?) -> Bool {
        switch modal {
        case let .provider(_, form), let .hours(_, _, form), let .exception(_, form), let .withdraw(_, _, form): form.isSaving
        case .roster, .chooseWithdrawal, .covered, nil: false
        }
    }
}
