import ClinicCore
import TerminalKit

extension ConsultationFeature {
    public static let contexts: Set<String> = [recordContext]

    public static let commands: [CommandSpec<ConsultationState, ConsultationAction>] = [
        CommandSpec("consultation.amend", "Amend the note (the one written is kept)", contexts: [recordContext],
                    action: .amendNote, disabledReason: { _, session in session.refusal(.writeClinicalNotes) }),
        CommandSpec("consultation.correct-triage", "Correct the triage (the one recorded is kept)", contexts: [recordContext],
                    action: .correctTriage, disabledReason: { _, session in session.refusal(.triage) }),
        CommandSpec("consultation.close", "Close the visit's record", contexts: [recordContext], action: .closeRecord),
    ]

    /// Where keys go while one of the consultation's dialogs is on top.
    public static func input(modal: ConsultationModal) -> InputLayer<ConsultationAction> {
        switch modal {
        case .triage, .note:
            return FormDialog.input(typed: ConsultationAction.typed, form: ConsultationAction.form)
        case .record:
            return InputLayer(contexts: [recordContext], routed: { command in
                if case let .list(move) = command { return .scroll(move) }
                return nil
            })
        }
    }
}
