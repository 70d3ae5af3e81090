public import ClinicCore

/// Work the providers screen asks for.
public enum ProvidersEffect: IdentifiedEffect {
    case load(from: CalendarDate)
    case create(ProviderDraft, User)
    case edit(Provider, User)
    case setHours(Provider, [WorkingDay], User)
    case addException(ExceptionDraft, whose: String, User)
    case withdraw(ScheduleException, whose: String, reason: String, User)

    public var id: EffectID? {
        switch self {
        case .load: "providers.roster"
        case .create, .edit, .setHours, .addException, .withdraw: nil
        }
    }

    /// A short name for the log (no names, reasons or user records).
    var logName: String {
        switch self {
        case .load: "reading the roster"
        case .create: "adding a provider"
        case .edit: "editing a provider"
        case .setHours: "saving weekly hours"
        case .addException: "recording time off"
        case .withdraw: "withdrawing time off"
        }
    }

    func run(_ client: ProvidersClient, log: @Sendable (String) -> Void) async -> [ProvidersAction] {
        do {
            switch self {
            case let .load(first):
                return [.loaded(try await client.roster(first))]
            case let .create(draft, user):
                let provider = try await client.create(draft, user)
                return [.saved("Added \(provider.displayName) (\(provider.specialty), \(provider.defaultSlotMinutes)-minute slots).")]
            case let .edit(provider, user):
                let saved = try await client.edit(provider, user)
                return [.saved("Saved \(saved.displayName) (\(saved.specialty), \(saved.defaultSlotMinutes)-minute slots).")]
            case let .setHours(provider, days, user):
                try await client.setHours(provider.id, days, user)
                let summary = ProvidersText.weekSummary(days)
                return [.saved("Saved the weekly hours of \(provider.displayName): \(summary).")]
            case let .addException(draft, whose, user):
                let (exception, covered) = try await client.addException(draft, user)
                return [.exceptionAdded(exception, whose: whose, covered: covered)]
            case let .withdraw(exception, whose, reason, user):
                try await client.withdraw(exception.id, reason, user)
                return [.saved("Withdrew \(exception.when) for \(whose) (\(exception.reason)); that time can be booked again.")]
            }
        } catch is CancellationError {
            return []
        } catch {
            log("providers: \(logName) failed: \(error)")
            return [.failed(DeskError.from(error))]
        }
    }
}

/// What the providers screen needs from the world.
public struct ProvidersClient: Sendable {
    /// Every provider with hours and leave from a day on, the clinic's holidays, and the staff to link.
    public var roster: @Sendable (CalendarDate) async throws -> ProviderRoster
    public var create: @Sendable (ProviderDraft, User) async throws -> Provider
    public var edit: @Sendable (Provider, User) async throws -> Provider
    public var setHours: @Sendable (EntityID<Provider>, [WorkingDay], User) async throws -> Void
    /// Records leave or a holiday; answers with it and the appointments it covers, which stay booked.
    public var addException: @Sendable (ExceptionDraft, User) async throws -> (ScheduleException, [ScheduleEntry])
    public var withdraw: @Sendable (EntityID<ScheduleException>, String, User) async throws -> Void

    public init(
        roster: @escaping @Sendable (CalendarDate) async throws -> ProviderRoster,
        create: @escaping @Sendable (ProviderDraft, User) async throws -> Provider,
        edit: @escaping @Sendable (Provider, User) async throws -> Provider,
        setHours: @escaping @Sendable (EntityID<Provider>, [WorkingDay], User) async throws -> Void,
        addException: @escaping @Sendable (ExceptionDraft, User) async throws -> (ScheduleException, [ScheduleEntry]),
        withdraw: @escaping @Sendable (EntityID<ScheduleException>, String, User) async throws -> Void
    ) {
        self.roster = roster
        self.create = create
        self.edit = edit
        self.setHours = setHours
        self.addException = addException
        self.withdraw = withdraw
    }
}
