public import ClinicCore
import Foundation
public import TerminalKit

/// The queue pane: today's checked-in patients.
public struct QueueState: Hashable, Sendable {
    public var entries: [QueueEntry] = []
    public var list = ListState()
    public var isLoaded = false

    public init() {}
}

/// What can happen in the queue pane.
public enum QueueAction: Hashable, Sendable {
    case openSelected
    case move(ListMove)
    case filter(FilterCommand)
    case filterTyped(TextEdit)
    case loaded([QueueEntry])
    case refresh
    /// Check a patient in without an appointment (asked for by another pane through the root).
    case checkInWalkIn(PatientRef)
    case checkedIn(String)
    case failed(DeskError)
    case delegate(QueueDelegate)
}

/// What the queue tells the root.
public enum QueueDelegate: Hashable, Sendable {
    case openPatient(EntityID<Patient>)
    case storeWritten
}

/// Work the queue asks for.
public enum QueueEffect: IdentifiedEffect {
    case load(CalendarDate)
    case checkInWalkIn(PatientRef, User)

    public var id: EffectID? {
        switch self {
        case .load: "queue.day"
        case .checkInWalkIn: nil
        }
    }

    func run(_ client: QueueClient, log: @Sendable (String) -> Void) async -> [QueueAction] {
        do {
            switch self {
            case let .load(day):
                return [.loaded(try await client.day(day))]
            case let .checkInWalkIn(patient, user):
                try await client.checkInWalkIn(patient.id, user)
                return [.checkedIn("Checked in \(patient.name) as a walk-in.")]
            }
        } catch is CancellationError {
            return []
        } catch {
            log("queue: \(self) failed: \(error)")
            return [.failed(DeskError.from(error))]
        }
    }
}

/// What the queue needs from the world.
public struct QueueClient: Sendable {
    public var day: @Sendable (CalendarDate) async throws -> [QueueEntry]
    public var checkInWalkIn: @Sendable (EntityID<Patient>, User) async throws -> Void

    public init(
        day: @escaping @Sendable (CalendarDate) async throws -> [QueueEntry],
        checkInWalkIn: @escaping @Sendable (EntityID<Patient>, User) async throws -> Void
    ) {
        self.day = day
        self.checkInWalkIn = checkInWalkIn
    }
}
