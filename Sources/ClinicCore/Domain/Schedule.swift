/// A provider's regular hours on one weekday, with breaks.
public struct ScheduleTemplate: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<ScheduleTemplate>
    public var providerID: EntityID<Provider>
    /// ISO weekday, 1 = Monday … 7 = Sunday.
    public var weekday: Int
    public var hours: TimeRange
    public var breaks: [ScheduleBreak]

    public init(
        id: EntityID<ScheduleTemplate>, providerID: EntityID<Provider>, weekday: Int,
        hours: TimeRange, breaks: [ScheduleBreak] = []
    ) {
        self.id = id
        self.providerID = providerID
        self.weekday = weekday
        self.hours = hours
        self.breaks = breaks
    }

    /// Whether a visit of `minutes` starting at `time` fits the hours and misses every break.
    public func canSee(at time: ClockTime, minutes: Int) -> Bool {
        guard let end = ClockTime(minuteOfDay: time.minuteOfDay + minutes),
              let visit = TimeRange(start: time, end: end)
        else { return false }
        return hours.start <= time && end <= hours.end && !breaks.contains { $0.range.overlaps(visit) }
    }
}

/// A break inside working hours (lunch, admin time).
public struct ScheduleBreak: Hashable, Sendable, Codable {
    public var range: TimeRange
    public var label: String

    public init(range: TimeRange, label: String) {
        self.range = range
        self.label = label
    }
}

/// A day or run of days when a provider (or the whole clinic) does not work: the whole day,
/// or only `hours` of each of those days (a partial day: leave from 13:00 to 17:00).
public struct ScheduleException: Identifiable, Hashable, Sendable, Codable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case holiday
        case leave
    }

    public var id: EntityID<ScheduleException>
    /// Nil when the whole clinic is closed.
    public var providerID: EntityID<Provider>?
    public var kind: Kind
    public var firstDay: CalendarDate
    public var lastDay: CalendarDate
    public var reason: String
    /// The part of each day not worked; nil for whole days.
    public var hours: TimeRange?

    public init(
        id: EntityID<ScheduleException>, providerID: EntityID<Provider>?, kind: Kind,
        firstDay: CalendarDate, lastDay: CalendarDate, reason: String, hours: TimeRange? = nil
    ) {
        self.id = id
        self.providerID = providerID
        self.kind = kind
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.reason = reason
        self.hours = hours
    }

    /// Whether the exception falls on `day` (the whole day or part of it).
    public func covers(_ day: CalendarDate) -> Bool { firstDay <= day && day <= lastDay }
}
