public import ClinicCore
import TerminalKit

/// The day's appointments: move between days, check an arrival in, open the patient.
public enum ScheduleFeature {
    public typealias Outcome = FrontDesk.Outcome<ScheduleAction, ScheduleEffect, ScheduleDelegate, Never>

    public static let context = "pane.schedule"

    public static func reduce(_ state: inout ScheduleState, _ action: ScheduleAction, _ context: FeatureContext<Never>) -> Outcome {
        let session = context.session
        switch action {
        case .previousDay, .nextDay, .today:
            let day = action == .today ? session.today : state.day.adding(days: action == .nextDay ? 1 : -1)
            state = ScheduleState(day: day)
            return .effects(.load(day))
        case .checkInSelected:
            guard let entry = state.selected, let user = session.user else { return .none }
            return .effects(.checkIn(entry.appointment.id, patientName: entry.patientName, user))
        case .openSelected:
            guard let entry = state.selected else { return .none }
            return .delegate(.openPatient(entry.appointment.patientID))
        case let .move(move):
            ListBehaviour.move(&state.list, move, count: state.entries.count) { searchTexts(state.entries) }
            return .none
        case let .filter(command):
            ListBehaviour.filter(&state.list, command, count: state.entries.count) { searchTexts(state.entries) }
            return .none
        case let .filterTyped(edit):
            ListBehaviour.editFilter(&state.list, edit, count: state.entries.count) { searchTexts(state.entries) }
            return .none
        case let .loaded(day, entries):
            guard day == state.day else { return .none }
            let selectedID = state.list.selected.flatMap { state.entries.indices.contains($0) ? state.entries[$0].id : nil }
            state.entries = entries
            state.isLoaded = true
            ListBehaviour.reload(&state.list, selected: selectedID, ids: entries.map(\.id)) { searchTexts(entries) }
            return .none
        case let .checkedIn(message):
            return Outcome(delegates: [.storeWritten], message: StatusMessage(message))
        case let .failed(failure):
            return .refusal(failure.description)
        case let .refresh(newDay):
            if newDay, state.day != session.today { state = ScheduleState(day: session.today) }
            return .effects(.load(state.day))
        case .delegate:
            return .none
        }
    }

    /// What the `/` filter matches: the words each row shows.
    public static func searchTexts(_ entries: [ScheduleEntry]) -> [String] {
        entries.map { "\($0.appointment.start.time) \($0.patientName) \($0.providerName) \(StatusWords.appointment($0.appointment.status))" }
    }

    /// The patient of the selected appointment.
    public static func lookedAt(_ state: ScheduleState) -> PatientRef? {
        state.selected.map { PatientRef(id: $0.appointment.patientID, name: $0.patientName, mrn: $0.patientMRN) }
    }

    public static func input(_ state: ScheduleState) -> InputLayer<ScheduleAction> {
        let typing: (@Sendable (TextEdit) -> ScheduleAction)? = state.list.filter.isEditing ? ScheduleAction.filterTyped : nil
        return InputLayer(contexts: ListBehaviour.contexts(state.list, pane: context), text: typing, routed: routed)
    }

    @Sendable private static func routed(_ command: RoutedCommand) -> ScheduleAction? {
        ListBehaviour.routed(command, move: ScheduleAction.move, filter: ScheduleAction.filter)
    }

    public static let commands: [CommandSpec<ScheduleState, ScheduleAction>] = [
        CommandSpec("schedule.previous-day", "Show the previous day", contexts: [context], action: .previousDay),
        CommandSpec("schedule.next-day", "Show the next day", contexts: [context], action: .nextDay),
        CommandSpec("schedule.today", "Back to today", contexts: [context], action: .today),
        CommandSpec("schedule.check-in", "Check in the selected appointment", contexts: [context], action: .checkInSelected,
                    disabledReason: { state, session in session.refusal(.checkIn) ?? checkInRefusal(state, session) }),
        CommandSpec("schedule.open-patient", "Open the selected patient's card", contexts: [context], action: .openSelected,
                    disabledReason: { state, _ in state.selected == nil ? "Select an appointment first." : nil }),
    ]

    /// Why the selected appointment cannot be checked in now.
    static func checkInRefusal(_ state: ScheduleState, _ session: Session) -> String? {
        guard let entry = state.selected else { return "Select an appointment to check in." }
        guard entry.appointment.start.date == session.today else { return "Only today's appointments can be checked in." }
        let status = entry.appointment.status
        guard AppointmentStatusMachine.canMove(from: status, to: .checkedIn) else {
            return "\(entry.patientName) is \(StatusWords.appointment(status)); only booked or confirmed appointments can be checked in."
        }
        return nil
    }
}
