/// A day of the appointment book: each working or absent provider's day, and the booked
/// appointments with the names to show.
public struct AppointmentBook: Hashable, Sendable {
    public var date: CalendarDate
    public var days: [ProviderDay]
    public var entries: [ScheduleEntry]

    public init(date: CalendarDate, days: [ProviderDay], entries: [ScheduleEntry]) {
        self.date = date
        self.days = days
        self.entries = entries
    }

    /// The entry of an appointment, for its patient's name and MRN.
    public func entry(_ id: EntityID<Appointment>) -> ScheduleEntry? {
        entries.first { $0.id == id }
    }
}
