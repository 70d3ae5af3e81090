public import ClinicCore
public import Foundation
import TerminalKit

/// Today's queue: who is waiting, for how long, for whom.
public enum QueueFeature {
    public typealias Outcome = FrontDesk.Outcome<QueueAction, QueueEffect, QueueDelegate, Never>

    public static let context = "pane.queue"
    /// Waiting longer than this is shown as late.
    public static let lateMinutes = 30

    public static func reduce(_ state: inout QueueState, _ action: QueueAction, _ context: FeatureContext<Never>) -> Outcome {
        let session = context.session
        switch action {
        case .openSelected:
            guard let entry = selected(state, session) else { return .none }
            return .delegate(.openPatient(entry.visit.patientID))
        case let .move(move):
            ListBehaviour.move(&state.list, move, count: state.entries.count) { searchTexts(state.entries, now: session.now) }
            return .none
        case let .filter(command):
            ListBehaviour.filter(&state.list, command, count: state.entries.count) {
                searchTexts(state.entries, now: session.now)
            }
            return .none
        case let .filterTyped(edit):
            ListBehaviour.editFilter(&state.list, edit, count: state.entries.count) {
                searchTexts(state.entries, now: session.now)
            }
            return .none
        case let .loaded(entries):
            let selectedID = state.list.selected.flatMap { state.entries.indices.contains($0) ? state.entries[$0].id : nil }
            state.entries = entries
            state.isLoaded = true
            ListBehaviour.reload(&state.list, selected: selectedID, ids: entries.map(\.id)) {
                searchTexts(entries, now: session.now)
            }
            return .none
        case .refresh:
            return .effects(.load(session.today))
        case let .checkInWalkIn(patient):
            guard let user = session.user else { return .none }
            return .effects(.checkInWalkIn(patient, user))
        case let .checkedIn(message):
            return Outcome(delegates: [.storeWritten], message: StatusMessage(message))
        case let .failed(failure):
            return .refusal(failure.description)
        case .delegate:
            return .none
        }
    }

    /// The selected visit, when the filter keeps it.
    public static func selected(_ state: QueueState, _ session: Session) -> QueueEntry? {
        ListBehaviour.selectedIndex(state.list, count: state.entries.count) { searchTexts(state.entries, now: session.now) }
            .map { state.entries[$0] }
    }

    /// The patient of the selected visit.
    public static func lookedAt(_ state: QueueState, _ session: Session) -> PatientRef? {
        selected(state, session).map { PatientRef(id: $0.visit.patientID, name: $0.patientName, mrn: $0.patientMRN) }
    }

    /// What the `/` filter matches: the words each row shows (`late` included).
    public static func searchTexts(_ entries: [QueueEntry], now: Date) -> [String] {
        entries.map { entry in
            let minutes = entry.visit.waitingMinutes(at: now)
            let wait = waitText(minutes, status: entry.visit.status, late: isLate(entry, now: now))
            let urgent = entry.visit.priority == .urgent ? "urgent " : ""
            return "\(urgent)\(entry.patientName) \(wait) \(entry.providerName ?? "any") \(StatusWords.visit(entry.visit.status))"
        }
    }

    static func isLate(_ entry: QueueEntry, now: Date) -> Bool {
        entry.visit.status == .waiting && entry.visit.waitingMinutes(at: now) >= lateMinutes
    }

    static func waitText(_ minutes: Int, status: QueueStatus, late: Bool) -> String {
        guard status == .waiting || status == .called else { return "" }
        let time = minutes >= 60 ? "\(minutes / 60)h\(Digits.padded(minutes % 60, 2))" : "\(minutes) min"
        return late ? "LATE \(time)" : time
    }

    public static func input(_ state: QueueState) -> InputLayer<QueueAction> {
        let typing: (@Sendable (TextEdit) -> QueueAction)? = state.list.filter.isEditing ? QueueAction.filterTyped : nil
        return InputLayer(contexts: ListBehaviour.contexts(state.list, pane: context), text: typing, routed: routed)
    }

    @Sendable private static func routed(_ command: RoutedCommand) -> QueueAction? {
        ListBehaviour.routed(command, move: QueueAction.move, filter: QueueAction.filter)
    }

    public static let commands: [CommandSpec<QueueState, QueueAction>] = [
        CommandSpec("queue.open-patient", "Open the selected patient's card", contexts: [context], action: .openSelected,
                    disabledReason: { state, session in selected(state, session) == nil ? "Select a patient in the queue first." : nil }),
    ]
}
