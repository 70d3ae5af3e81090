import ClinicCore
import TerminalKit

extension QueueFeature {
    public static let commands: [CommandSpec<QueueState, QueueAction>] = [
        CommandSpec("queue.open-patient", "Open the selected patient's card", contexts: [context], action: .openSelected,
                    disabledReason: { state, session in need(state, session, nil) }),
        CommandSpec("queue.call-next", "Call the next patient (most urgent, then longest wait) to your room", contexts: [context],
                    action: .callNext, disabledReason: { state, session in
                        session.refusal(.callPatient) ?? nobodyWaiting(state, session)
                    }),
        CommandSpec("queue.call", "Call the selected patient to a room", contexts: [context], action: .callSelected,
                    disabledReason: { state, session in session.refusal(.callPatient) ?? need(state, session, [.waiting]) }),
        CommandSpec("queue.uncall", "Take back a call: the patient waits again in their place", contexts: [context],
                    action: .uncall, disabledReason: { state, session in session.refusal(.callPatient) ?? need(state, session, [.called]) }),
        CommandSpec("queue.start", "The patient is in the room: start the consultation", contexts: [context], action: .start,
                    disabledReason: { state, session in session.refusal(.callPatient) ?? need(state, session, [.waiting, .called]) }),
        CommandSpec("queue.finish", "Finish the visit (done, referred, admitted elsewhere)", contexts: [context], action: .finish,
                    disabledReason: { state, session in
                        session.refusal(.callPatient) ?? need(state, session, [.called, .inConsultation])
                    }),
        CommandSpec("queue.send-on", "Send the patient on to another provider or a station (nurse, lab…)", contexts: [context],
                    action: .sendOn, disabledReason: { state, session in session.refusal(.checkIn) ?? need(state, session, nil) }),
        CommandSpec("queue.priority", "Set the priority: normal, urgent, emergency", contexts: [context], action: .setPriority,
                    disabledReason: { state, session in session.refusal(.checkIn) ?? need(state, session, nil) }),
        CommandSpec("queue.left", "Record that the patient left without being seen", contexts: [context], action: .markLeft,
                    disabledReason: { state, session in session.refusal(.checkIn) ?? need(state, session, [.waiting, .called]) }),
        CommandSpec("queue.scope", "Switch between your queue and everyone's", contexts: [context], action: .toggleScope,
                    disabledReason: { state, _ in
                        state.me == nil ? "You see patients as no provider: everyone's queue is yours." : nil
                    }),
        CommandSpec("queue.room", "Set your default room for calling patients", contexts: [context], action: .setDefaultRoom,
                    disabledReason: { _, session in session.refusal(.callPatient) }),
        CommandSpec("queue.bill", "Open the selected visit's invoice: charges and payments", contexts: [context], action: .bill,
                    disabledReason: { state, session in session.refusal(.addCharges) ?? need(state, session, nil) }),
        CommandSpec("queue.triage", "Triage the selected patient: vital signs, note, priority", contexts: [context],
                    action: .triage, disabledReason: { state, session in session.refusal(.triage) ?? need(state, session, nil) }),
        CommandSpec("queue.note", "Write the consultation note of the selected visit", contexts: [context], action: .writeNote,
                    disabledReason: { state, session in session.refusal(.writeClinicalNotes) ?? need(state, session, nil) }),
        CommandSpec("queue.notes", "Read the notes and triage of the selected visit", contexts: [context], action: .viewNotes,
                    disabledReason: { state, session in session.refusal(.viewClinicalNotes) ?? need(state, session, nil) }),
    ]

    /// Why the selected row does not allow a command for `statuses` (nil: any open visit).
    static func need(_ state: QueueState, _ session: Session, _ statuses: Set<QueueStatus>?) -> String? {
        guard let entry = selected(state, session) else { return "Select a patient in the queue first." }
        guard let statuses, !statuses.contains(entry.visit.status) else { return nil }
        let wanted = statuses.map { StatusWords.visit($0) }.sorted().joined(separator: " or ")
        return "\(entry.patientName) is \(StatusWords.visit(entry.visit.status)); this needs a patient who is \(wanted)."
    }

    static func nobodyWaiting(_ state: QueueState, _ session: Session) -> String? {
        guard state.isLoaded else { return nil }
        let visits = state.entries.map(\.visit)
        guard QueueRules.next(for: state.me?.id, in: visits) == nil else { return nil }
        return state.me.map { "Nobody is waiting for \($0.displayName)." } ?? "Nobody is waiting."
    }

    public static func input(_ state: QueueState) -> InputLayer<QueueAction> {
        let typing: (@Sendable (TextEdit) -> QueueAction)? = state.list.filter.isEditing ? QueueAction.filterTyped : nil
        return InputLayer(contexts: ListBehaviour.contexts(state.list, pane: context), text: typing, routed: routed)
    }

    @Sendable private static func routed(_ command: RoutedCommand) -> QueueAction? {
        ListBehaviour.routed(command, move: QueueAction.move, filter: QueueAction.filter)
    }

    /// Where keys go while one of the queue's dialogs is on top.
    public static func input(modal: QueueModal) -> InputLayer<QueueAction> {
        switch modal {
        case .room: FormDialog.input(typed: QueueAction.roomTyped, form: QueueAction.roomForm)
        case .choice: ChoiceDialog.input(moved: QueueAction.choiceMoved, answered: QueueAction.choiceAnswered)
        }
    }
}
