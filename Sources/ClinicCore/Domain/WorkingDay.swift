/// One weekday of a weekly schedule as an admin enters it.
public struct WorkingDay: Hashable, Sendable {
    public var weekday: Int
    public var hours: TimeRange
    public var breaks: [ScheduleBreak]

    public init(weekday: Int, hours: TimeRange, breaks: [ScheduleBreak] = []) {
        self.weekday = weekday
        self.hours = hours
        self.breaks = breaks
    }
}
