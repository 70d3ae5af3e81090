public import ClinicCore
public import TerminalKit

/// The providers screen: the roster as last read, which row is selected, and the week it shows.
public struct ProvidersState: Hashable, Sendable {
    /// Nil until the first read answers.
    public var roster: ProviderRoster?
    public var list = ListState()
    /// Whether the screen is open (it reads again when the store changes only then).
    public var isOpen = false
    /// Monday of the week shown; leave and holidays are read from that day on.
    public var weekStart: CalendarDate?

    public init() {}

    /// The providers listed, by name.
    public var rows: [ProviderSchedule] { roster?.providers ?? [] }
}

/// The providers screen and its dialogs, on the one modal stack.
public enum ProvidersModal: Hashable, Sendable {
    /// The roster itself, over the whole screen.
    case roster
    /// A new provider, or one's details.
    case provider(ProviderFormPurpose, FormDialog)
    /// A provider's weekly hours, one line per weekday.
    case hours(Provider, week: [ScheduleTemplate], FormDialog)
    /// Leave for a provider, or a clinic holiday: days, hours for a partial day, reason.
    case exception(ExceptionPurpose, FormDialog)
    /// Which leave or holiday to withdraw.
    case chooseWithdrawal(Provider, [ScheduleException], ChoiceDialog)
    /// Why it is withdrawn.
    case withdraw(ScheduleException, whose: String, FormDialog)
    /// The appointments that new leave or a holiday covers: still booked, to be rebooked.
    case covered(CoveredAppointments)
}

/// Whether the provider form adds a provider or edits one.
public enum ProviderFormPurpose: Hashable, Sendable {
    case add
    case edit(Provider)
}

/// Whose time off the exception form records.
public enum ExceptionPurpose: Hashable, Sendable {
    case leave(Provider)
    case holiday

    /// `Dr Amina Haddad`, or `the clinic`.
    public var whose: String {
        switch self {
        case let .leave(provider): provider.displayName
        case .holiday: "the clinic"
        }
    }
}

/// A provider as the add form describes them, before the store gives them an id.
public struct ProviderDraft: Hashable, Sendable {
    public var displayName: String
    public var specialty: Specialty
    public var defaultSlotMinutes: Int
    public var userID: EntityID<User>?

    public init(displayName: String, specialty: Specialty, defaultSlotMinutes: Int, userID: EntityID<User>?) {
        self.displayName = displayName
        self.specialty = specialty
        self.defaultSlotMinutes = defaultSlotMinutes
        self.userID = userID
    }
}

/// Leave or a holiday as the exception form describes it.
public struct ExceptionDraft: Hashable, Sendable {
    /// Nil for a clinic holiday.
    public var providerID: EntityID<Provider>?
    public var kind: ScheduleException.Kind
    public var firstDay: CalendarDate
    public var lastDay: CalendarDate
    /// Nil for whole days.
    public var hours: TimeRange?
    public var reason: String

    public init(providerID: EntityID<Provider>?, kind: ScheduleException.Kind, firstDay: CalendarDate, lastDay: CalendarDate,
                hours: TimeRange?, reason: String) {
        self.providerID = providerID
        self.kind = kind
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.hours = hours
        self.reason = reason
    }
}

/// The appointments still booked in new leave or a holiday, listed so each can be rebooked.
public struct CoveredAppointments: Hashable, Sendable {
    public var exception: ScheduleException
    /// Whose time off it is: a provider's name, or `the clinic`.
    public var whose: String
    public var entries: [ScheduleEntry]
    public var list = ListState()

    public init(exception: ScheduleException, whose: String, entries: [ScheduleEntry]) {
        self.exception = exception
        self.whose = whose
        self.entries = entries
        list.selected = entries.isEmpty ? nil : 0
    }
}
