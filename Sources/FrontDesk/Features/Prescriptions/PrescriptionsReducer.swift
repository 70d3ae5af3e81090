public import ClinicCore
import TerminalKit

/// A patient's prescriptions, and writing them: a doctor writes a prescription medicine by medicine
/// (the formulary searched and the directions read as they are typed), the checks run before
/// signing, and a slip is printed; a correction or a cancellation is a new entry with a reason.
public enum PrescriptionsFeature {
    /// What a commit elsewhere must change for this feature to reread. The patient's prescriptions and what they are checked against.
    static let reads: Set<ClinicDataKind> = [.prescriptions, .allergies, .patients]

    public typealias Outcome = FrontDesk.Outcome<PrescriptionsAction, PrescriptionsEffect, PrescriptionsDelegate, PrescriptionsModal>
    public typealias Context = FeatureContext<PrescriptionsModal>

    public static let context = "pane.prescription"

    public static func reduce(_ state: inout PrescriptionsState, _ action: PrescriptionsAction, _ context: Context) -> Outcome {
        switch action {
        case let .show(patient):
            guard patient != state.patient else { return .none }
            let reference = state.reference
            state = PrescriptionsState()
            state.reference = reference
            state.patient = patient
            return patient.map { .effects(.load($0.id)) } ?? .none
        case let .loaded(id, prescriptions):
            guard state.patient?.id == id else { return .none }
            let selectedID = state.selectOnLoad ?? state.list.selected.flatMap { state.prescriptions.indices.contains($0) ? state.prescriptions[$0].id : nil }
            state.selectOnLoad = nil
            state.prescriptions = prescriptions
            state.isLoaded = true
            ListBehaviour.reload(&state.list, selected: selectedID, ids: prescriptions.map(\.id)) {
                searchTexts(prescriptions)
            }
            return .none
        case let .failed(failure):
            return .refusal("Cannot show the prescriptions: \(failure.description)")
        case let .move(move):
            ListBehaviour.move(&state.list, move, count: state.prescriptions.count) { searchTexts(state.prescriptions) }
            return .none
        case let .filter(command):
            ListBehaviour.filter(&state.list, command, count: state.prescriptions.count) { searchTexts(state.prescriptions) }
            return .none
        case let .filterTyped(edit):
            ListBehaviour.editFilter(&state.list, edit, count: state.prescriptions.count) { searchTexts(state.prescriptions) }
            return .none
        case .refresh:
            return state.patient.map { .effects(.load($0.id)) } ?? .none
        case .write, .correct, .cancel, .print, .referenceLoaded, .typed, .form, .choiceMoved, .answered, .reviewed, .wrote, .printed, .refused:
            return PrescriptionsWriting.reduce(&state, action, context)
        case .delegate:
            return .none
        }
    }

    /// What the `/` filter matches: the medicines and their directions.
    public static func searchTexts(_ prescriptions: [Prescription]) -> [String] {
        prescriptions.map { medicines($0) + " " + $0.verificationCode }
    }

    /// The medicines and their directions; a cancellation or a correction says so, with why.
    static func medicines(_ prescription: Prescription) -> String {
        let reason = prescription.supersedeReason.map { ": \($0)" } ?? ""
        if prescription.isCancellation { return "Cancels an earlier prescription\(reason)" }
        var text = prescription.items.map { "\($0.title) — \($0.sig)" }.joined(separator: "; ")
        if prescription.supersedes != nil { text += " (replaces an earlier one\(reason))" }
        let reasons = prescription.overrides.filter { !$0.reason.isEmpty }.map { "\($0.alert.kind): \($0.reason)" }
        if !reasons.isEmpty { text += " [signed over \(reasons.joined(separator: "; "))]" }
        return text
    }

    public static func input(_ state: PrescriptionsState) -> InputLayer<PrescriptionsAction> {
        let typing: (@Sendable (TextEdit) -> PrescriptionsAction)? = state.list.filter.isEditing ? PrescriptionsAction.filterTyped : nil
        return InputLayer(contexts: ListBehaviour.contexts(state.list, pane: context), text: typing, routed: routed)
    }

    @Sendable private static func routed(_ command: RoutedCommand) -> PrescriptionsAction? {
        ListBehaviour.routed(command, move: PrescriptionsAction.move, filter: PrescriptionsAction.filter)
    }

    /// Where keys go while one of the prescribing dialogs is on top.
    public static func input(modal: PrescriptionsModal) -> InputLayer<PrescriptionsAction> {
        switch modal {
        case .item, .alerts, .reason: FormDialog.input(typed: PrescriptionsAction.typed, form: PrescriptionsAction.form)
        case .draft: ChoiceDialog.input(moved: PrescriptionsAction.choiceMoved, answered: PrescriptionsAction.answered)
        }
    }

    public static let commands: [CommandSpec<PrescriptionsState, PrescriptionsAction>] = [
        CommandSpec("rx.write", "Write a prescription for the patient shown (doctors)", contexts: [context], action: .write,
                    disabledReason: { state, session in session.refusal(.prescribe) ?? (state.patient == nil ? "Select a patient first." : nil) }),
        CommandSpec("rx.print", "Print the selected prescription's slip", contexts: [context], action: .print,
                    disabledReason: { state, _ in printable(state) }),
        CommandSpec("rx.correct", "Correct the selected prescription: a new one replaces it, with a reason", contexts: [context],
                    action: .correct, disabledReason: { state, session in session.refusal(.prescribe) ?? standing(state) }),
        CommandSpec("rx.cancel", "Cancel the selected prescription, with a reason", contexts: [context], action: .cancel,
                    disabledReason: { state, session in session.refusal(.prescribe) ?? standing(state) }),
    ]

    /// Why the selected prescription has no slip to print; nil when it has.
    static func printable(_ state: PrescriptionsState) -> String? {
        guard let selected = state.selected else { return "Select a prescription first." }
        return selected.isCancellation ? "A cancellation has no slip; select a prescription." : nil
    }

    /// Why the selected prescription cannot be corrected or cancelled; nil when it can.
    static func standing(_ state: PrescriptionsState) -> String? {
        guard let selected = state.selected else { return "Select a prescription first." }
        if selected.isCancellation { return "That is a cancellation; select the prescription itself." }
        if state.prescriptions.contains(where: { $0.supersedes == selected.id }) {
            return "\(selected.verificationCode) was already replaced or cancelled."
        }
        return nil
    }
}
