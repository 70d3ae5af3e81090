public import ClinicCore
public import TerminalKit

/// The appointment book: a day of every provider's slots, one provider's week, or the waitlist.
public struct ScheduleState: Hashable, Sendable {
    public var day: CalendarDate
    public var mode: ScheduleMode = .day
    /// The day's providers, slots and appointments; nil until read.
    public var book: AppointmentBook?
    /// Open waitlist entries, soonest wanted first (free slots say how many fit).
    public var waitlist: [WaitlistEntry] = []
    /// The waitlist view's selection and `/` filter.
    public var waitlistList = ListState()
    /// Where the cursor is in the day's grid.
    public var cursor = BookCursor()
    /// Only this provider's column, when chosen.
    public var providerFilter: EntityID<Provider>?
    /// The `/` filter over the day's columns (provider, specialty, patients booked).
    public var columnFilter = ListFilter()
    /// One provider's week, while the week view shows.
    public var week: WeekState?
    /// The appointment being moved: the cursor picks where to.
    public var moving: ScheduleEntry?
    public var isLoaded = false

    public init(day: CalendarDate) {
        self.day = day
    }
}

/// What the schedule pane shows.
public enum ScheduleMode: Hashable, Sendable {
    case day
    case week
    case waitlist
}

/// The cursor in the day grid: a provider's column and a time, kept by identity so reading the
/// day again keeps it on the same slot.
public struct BookCursor: Hashable, Sendable {
    public var provider: EntityID<Provider>?
    public var time: ClockTime?

    public init(provider: EntityID<Provider>? = nil, time: ClockTime? = nil) {
        self.provider = provider
        self.time = time
    }
}

/// One provider's week in the week view.
public struct WeekState: Hashable, Sendable {
    public var provider: Provider
    public var monday: CalendarDate
    public var summary: WeekSummary?
    /// The selected day, 0 (Monday) to 6.
    public var selected: Int

    public init(provider: Provider, monday: CalendarDate, selected: Int) {
        self.provider = provider
        self.monday = monday
        self.selected = selected
    }
}

/// The selected slot of the day grid, with what it holds.
public struct BookSelection: Hashable, Sendable {
    public var column: BookGrid.Column
    public var time: ClockTime
    /// The slot under the cursor; nil outside the provider's hours.
    public var slot: DaySlot?
    /// The appointments of that slot, with the patients' names.
    public var entries: [ScheduleEntry]
    public var date: CalendarDate

    /// The booking slot this selection stands for (where a booking or move would go).
    public var bookSlot: BookSlot? {
        guard let slot else { return nil }
        return BookSlot(provider: column.provider, start: LocalDateTime(date: date, time: slot.start))
    }
}

/// Dialogs of the schedule.
public enum ScheduleModal: Hashable, Sendable {
    /// Which day to show.
    case date(FormDialog)
    /// Which provider to show alone (or all).
    case providers([EntityID<Provider>?], ChoiceDialog)
    /// Which of the appointments in an overbooked slot an action is for.
    case which(WhichPurpose, [ScheduleEntry], ChoiceDialog)
    /// What happened to an appointment: its audit trail.
    case history(ChoiceDialog)
}

/// What an appointment picked among several is for.
public enum WhichPurpose: Hashable, Sendable {
    case move
    case cancel
    case noShow
    case confirm
    case checkIn
    case open
    case history
    case followUp
}
