/// What an exception takes out of a day: the whole day, or its hours (a partial day), and the
/// appointments that fall in that time.
extension ScheduleException {
    /// Whether this is part of a day rather than whole days.
    public var isPartialDay: Bool { hours != nil }

    /// Whether nothing of `day` is worked because of this exception.
    public func coversWholeDay(_ day: CalendarDate) -> Bool {
        covers(day) && hours == nil
    }

    /// Whether this exception takes away any of `range` on `day`.
    public func blocks(_ range: TimeRange, on day: CalendarDate) -> Bool {
        guard covers(day) else { return false }
        return hours.map { $0.overlaps(range) } ?? true
    }

    /// Whether it applies to `provider`: a clinic holiday applies to everyone.
    public func applies(to provider: EntityID<Provider>) -> Bool {
        providerID == nil || providerID == provider
    }

    /// Whether an appointment that still needs to happen falls in the time this exception takes
    /// away (its provider's, or anyone's for a clinic holiday). Cancelled, missed, and begun or
    /// finished appointments are not: nothing is left to rebook.
    public func covers(_ appointment: Appointment) -> Bool {
        guard applies(to: appointment.providerID), Self.awaitsVisit(appointment) else { return false }
        return blocks(Availability.span(appointment), on: appointment.start.date)
    }

    /// The appointments among `appointments` that this exception covers, soonest first.
    public func covered(_ appointments: [Appointment]) -> [Appointment] {
        appointments.filter(covers).sorted { ($0.start, $0.id.description) < ($1.start, $1.id.description) }
    }

    /// `leave 2026-11-23 13:00–17:00`, `holiday 2026-12-24–2026-12-26`: the kind, days and hours.
    public var when: String {
        let days = firstDay == lastDay ? "\(firstDay)" : "\(firstDay)–\(lastDay)"
        return "\(kind.rawValue) \(days)" + (hours.map { " \($0)" } ?? "")
    }

    /// Why the time is not worked, in words: `clinic closed: Christmas`, `leave: Course`.
    public var words: String {
        providerID == nil ? "clinic closed: \(reason)" : "\(kind.rawValue): \(reason)"
    }

    /// Booked or confirmed: the patient is still expected.
    static func awaitsVisit(_ appointment: Appointment) -> Bool {
        appointment.status == .booked || appointment.status == .confirmed
    }
}
