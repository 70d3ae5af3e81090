public import ClinicCore
import TerminalKit

/// A patient's prescriptions, read-only here; prescribing has its own screen.
public enum PrescriptionsFeature {
    /// What a commit elsewhere must change for this feature to reread. The patient's prescriptions and what they are checked against.
    static let reads: Set<ClinicDataKind> = [.prescriptions, .allergies, .patients]

    public typealias Outcome = FrontDesk.Outcome<PrescriptionsAction, PrescriptionsEffect, PrescriptionsDelegate, Never>

    public static let context = "pane.prescription"

    public static func reduce(_ state: inout PrescriptionsState, _ action: PrescriptionsAction,
                              _ context: FeatureContext<Never>) -> Outcome {
        switch action {
        case let .show(patient):
            guard patient != state.patient else { return .none }
            state = PrescriptionsState()
            state.patient = patient
            return patient.map { .effects(.load($0.id)) } ?? .none
        case let .loaded(id, prescriptions):
            guard state.patient?.id == id else { return .none }
            let selectedID = state.list.selected.flatMap { state.prescriptions.indices.contains($0) ? state.prescriptions[$0].id : nil }
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
        let items = prescription.items.map { "\($0.title) — \($0.sig)" }.joined(separator: "; ")
        return prescription.supersedes == nil ? items : items + " (replaces an earlier one\(reason))"
    }

    public static func input(_ state: PrescriptionsState) -> InputLayer<PrescriptionsAction> {
        let typing: (@Sendable (TextEdit) -> PrescriptionsAction)? = state.list.filter.isEditing ? PrescriptionsAction.filterTyped : nil
        return InputLayer(contexts: ListBehaviour.contexts(state.list, pane: context), text: typing, routed: routed)
    }

    @Sendable private static func routed(_ command: RoutedCommand) -> PrescriptionsAction? {
        ListBehaviour.routed(command, move: PrescriptionsAction.move, filter: PrescriptionsAction.filter)
    }

    /// The pane only reads; its keys are the shared list keys.
    public static let commands: [CommandSpec<PrescriptionsState, PrescriptionsAction>] = []
}
