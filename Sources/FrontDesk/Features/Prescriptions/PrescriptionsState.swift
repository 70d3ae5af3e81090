public import ClinicCore
public import TerminalKit

/// The prescriptions pane: the prescriptions of exactly the patient the user is looking at.
public struct PrescriptionsState: Hashable, Sendable {
    /// Whose prescriptions these are; nil shows nothing.
    public var patient: PatientRef?
    public var prescriptions: [Prescription] = []
    public var list = ListState()
    public var isLoaded = false

    public init() {}
}

/// What can happen in the prescriptions pane.
public enum PrescriptionsAction: Hashable, Sendable {
    /// Show this patient's prescriptions (nil: nobody is being looked at).
    case show(PatientRef?)
    case loaded(EntityID<Patient>, [Prescription])
    case failed(DeskError)
    case move(ListMove)
    case filter(FilterCommand)
    case filterTyped(TextEdit)
    case refresh
    case delegate(PrescriptionsDelegate)
}

/// What the prescriptions pane tells the root (nothing yet: it only reads).
public enum PrescriptionsDelegate: Hashable, Sendable {}

/// Work the prescriptions pane asks for.
public enum PrescriptionsEffect: IdentifiedEffect {
    case load(EntityID<Patient>)

    public var id: EffectID? { "prescriptions.patient" }

    /// Not optimized: in release builds this toolchain's optimizer lost the client passed in here
    /// (the app crashed reading it right after sign-in, when the pane first loads a patient).
    @_optimize(none)
    func run(_ client: PrescriptionsClient, log: @Sendable (String) -> Void) async -> [PrescriptionsAction] {
        switch self {
        case let .load(id):
            do {
                return [.loaded(id, try await client.prescriptions(id))]
            } catch is CancellationError {
                return []
            } catch {
                log("prescriptions: loading failed: \(error)")
                return [.failed(DeskError.from(error))]
            }
        }
    }
}

/// What the prescriptions pane needs from the world.
public struct PrescriptionsClient: Sendable {
    public var prescriptions: @Sendable (EntityID<Patient>) async throws -> [Prescription]

    public init(prescriptions: @escaping @Sendable (EntityID<Patient>) async throws -> [Prescription]) {
        self.prescriptions = prescriptions
    }
}
