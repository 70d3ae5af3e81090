public import ClinicCore
public import TerminalKit

/// The schedule pane: one day's appointments.
public struct ScheduleState: Hashable, Sendable {
    public var day: CalendarDate
    public var entries: [ScheduleEntry] = []
    public var list = ListState()
    public var isLoaded = false

    public init(day: CalendarDate) {
        self.day = day
    }

    /// The selected appointment, when the filter keeps it.
    public var selected: ScheduleEntry? {
        ListBehaviour.selectedIndex(list, count: entries.count) { ScheduleFeature.searchTexts(entries) }
            .map { entries[$0] }
    }
}

/// What can happen in the schedule pane.
public enum ScheduleAction: Hashable, Sendable {
    case previousDay
    case nextDay
    case today
    case checkInSelected
    case openSelected
    case move(ListMove)
    case filter(FilterCommand)
    case filterTyped(TextEdit)
    case loaded(CalendarDate, [ScheduleEntry])
    case checkedIn(String)
    case failed(DeskError)
    /// Read the day again; `newDay` moves a pane that showed yesterday's "today" to the new today.
    case refresh(newDay: Bool)
    case delegate(ScheduleDelegate)
}

/// What the schedule tells the root.
public enum ScheduleDelegate: Hashable, Sendable {
    case openPatient(EntityID<Patient>)
    case storeWritten
}

/// Work the schedule asks for.
public enum ScheduleEffect: IdentifiedEffect {
    case load(CalendarDate)
    case checkIn(EntityID<Appointment>, patientName: String, User)

    public var id: EffectID? {
        switch self {
        case .load: "schedule.day"
        case .checkIn: nil
        }
    }

    func run(_ client: ScheduleClient, log: @Sendable (String) -> Void) async -> [ScheduleAction] {
        do {
            switch self {
            case let .load(day):
                return [.loaded(day, try await client.day(day))]
            case let .checkIn(id, name, user):
                try await client.checkIn(id, user)
                return [.checkedIn("Checked in \(name).")]
            }
        } catch is CancellationError {
            return []
        } catch {
            log("schedule: \(self) failed: \(error)")
            return [.failed(DeskError.from(error))]
        }
    }
}

/// What the schedule needs from the world.
public struct ScheduleClient: Sendable {
    public var day: @Sendable (CalendarDate) async throws -> [ScheduleEntry]
    public var checkIn: @Sendable (EntityID<Appointment>, User) async throws -> Void

    public init(
        day: @escaping @Sendable (CalendarDate) async throws -> [ScheduleEntry],
        checkIn: @escaping @Sendable (EntityID<Appointment>, User) async throws -> Void
    ) {
        self.day = day
        self.checkIn = checkIn
    }
}
