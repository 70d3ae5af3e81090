/// A day of the appointment book: each working or absent provider's day, and the booked
/// appointments with the names to show.
public struct AppointmentBook: Hashable, Sendable {
    public var date: CalendarDate
    public var days: [ProviderDay]
    public private(set) var entries: [ScheduleEntry]
    /// Where each appointment's entry is: every booked cell of every frame asks for its name.
    private var positions: [EntityID<Appointment>: Int]

    public init(date: CalendarDate, days: [ProviderDay], entries: [ScheduleEntry]) {
        self.date = date
        self.days = days
        self.entries = entries
        positions = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entry of an appointment, for its patient's name and MRN.
    public func entry(_ id: EntityID<Appointment>) -> ScheduleEntry? {
        positions[id].map { entries[$0] }
    }

    public static func == (lhs: AppointmentBook, rhs: AppointmentBook) -> Bool {
        lhs.date == rhs.date && lhs.days == rhs.days && lhs.entries == rhs.entries
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(date)
        hasher.combine(days)
        hasher.combine(entries)
    }
}
