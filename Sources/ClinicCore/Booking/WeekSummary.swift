/// One provider's week at a glance: for each day, whether they work, how many slots are free
/// and booked, and the first free one.
public struct WeekSummary: Hashable, Sendable {
    public struct Day: Hashable, Sendable {
        public var date: CalendarDate
        /// Why the provider does not work that day, in words; nil when working.
        public var dayOff: String?
        public var free: Int
        /// Appointments that hold time that day.
        public var booked: Int
        public var firstFree: ClockTime?
    }

    public var provider: Provider
    public var days: [Day]

    /// The seven days from `first`; `day` holds the provider's appointments of those days.
    public init(_ day: ProviderDay, from first: CalendarDate, now: LocalDateTime) {
        provider = day.provider
        days = (0..<7).map { offset in
            let date = first.adding(days: offset)
            let slots = BookGrid.slots(day, on: date, now: now)
            let free = slots.filter { $0.state == .free }
            let booked = day.appointments.filter { $0.start.date == date && BookingRules.holdsTime($0) }.count
            return Day(date: date, dayOff: day.dayOff(on: date), free: free.count, booked: booked, firstFree: free.first?.start)
        }
    }

    /// The Monday of the week `date` is in.
    public static func monday(of date: CalendarDate) -> CalendarDate {
        date.adding(days: 1 - date.isoWeekday)
    }
}
