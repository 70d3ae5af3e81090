public import ClinicCore

/// Work the schedule asks for.
public enum ScheduleEffect: IdentifiedEffect {
    case load(CalendarDate)
    case loadWaitlist
    case loadWeek(EntityID<Provider>, CalendarDate)
    case loadHistory(ScheduleEntry)
    case checkIn(EntityID<Appointment>, patientName: String, User)

    public var id: EffectID? {
        switch self {
        case .load: "schedule.day"
        case .loadWaitlist: "schedule.waitlist"
        case .loadWeek: "schedule.week"
        case .loadHistory: "schedule.history"
        case .checkIn: nil
        }
    }

    func run(_ client: ScheduleClient, log: @Sendable (String) -> Void) async -> [ScheduleAction] {
        do {
            switch self {
            case let .load(day):
                return [.loaded(day, try await client.book(day))]
            case .loadWaitlist:
                return [.waitlistLoaded(try await client.waitlist())]
            case let .loadWeek(provider, monday):
                return [.weekLoaded(provider, monday, try await client.week(provider, monday))]
            case let .loadHistory(entry):
                return [.historyLoaded(entry, try await client.history(entry.id))]
            case let .checkIn(id, name, user):
                try await client.checkIn(id, user)
                return [.checkedIn("Checked in \(name).")]
            }
        } catch is CancellationError {
            return []
        } catch {
            log("schedule: \(logName) failed: \(error)")
            return [.failed(DeskError.from(error))]
        }
    }

    /// A short name for the log (no patient details).
    var logName: String {
        switch self {
        case .load: "reading the day"
        case .loadWaitlist: "reading the waitlist"
        case .loadWeek: "reading a week"
        case .loadHistory: "reading an appointment's history"
        case .checkIn: "check-in"
        }
    }
}

/// What the schedule needs from the world.
public struct ScheduleClient: Sendable {
    /// Every provider's hours, leave and bookings on a day.
    public var book: @Sendable (CalendarDate) async throws -> AppointmentBook
    /// Open waitlist entries.
    public var waitlist: @Sendable () async throws -> [WaitlistEntry]
    /// One provider's seven days from a Monday.
    public var week: @Sendable (EntityID<Provider>, CalendarDate) async throws -> ProviderDay
    /// What was done to an appointment, most recent first.
    public var history: @Sendable (EntityID<Appointment>) async throws -> [AuditEvent]
    public var checkIn: @Sendable (EntityID<Appointment>, User) async throws -> Void

    public init(
        book: @escaping @Sendable (CalendarDate) async throws -> AppointmentBook,
        waitlist: @escaping @Sendable () async throws -> [WaitlistEntry],
        week: @escaping @Sendable (EntityID<Provider>, CalendarDate) async throws -> ProviderDay,
        history: @escaping @Sendable (EntityID<Appointment>) async throws -> [AuditEvent],
        checkIn: @escaping @Sendable (EntityID<Appointment>, User) async throws -> Void
    ) {
        self.book = book
        self.waitlist = waitlist
        self.week = week
        self.history = history
        self.checkIn = checkIn
    }
}
