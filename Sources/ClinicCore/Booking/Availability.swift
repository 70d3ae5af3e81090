/// What one provider's day is made of, as the book reads it: their hours, their leave and the
/// clinic's holidays, and what is booked.
public struct ProviderDay: Hashable, Sendable {
    public var provider: Provider
    public var templates: [ScheduleTemplate]
    public var exceptions: [ScheduleException]
    /// The provider's appointments (any days the caller needs; other days are ignored).
    public var appointments: [Appointment]

    public init(provider: Provider, templates: [ScheduleTemplate], exceptions: [ScheduleException], appointments: [Appointment]) {
        self.provider = provider
        self.templates = templates
        self.exceptions = exceptions
        self.appointments = appointments
    }

    /// The hours worked on `date`, nil when not working (no template, leave or holiday, or
    /// partial days that take all of the hours). Partial-day leave and closures come back as
    /// breaks of that day, labelled in words, so slots and bookings keep clear of them.
    public func hours(on date: CalendarDate) -> ScheduleTemplate? {
        guard !exceptions.contains(where: { $0.coversWholeDay(date) }),
              var template = templates.first(where: { $0.weekday == date.isoWeekday })
        else { return nil }
        let taken = partialBreaks(on: date, within: template.hours)
        guard !taken.isEmpty else { return template }
        guard !Self.fill(template.hours, taken) else { return nil }
        template.breaks = taken + template.breaks
        return template
    }

    /// Why the provider does not work on `date`, in words; nil when they do (if only for part of the day).
    public func dayOff(on date: CalendarDate) -> String? {
        if let exception = exceptions.first(where: { $0.coversWholeDay(date) }) { return exception.words }
        guard let template = templates.first(where: { $0.weekday == date.isoWeekday }) else { return "not working" }
        let taken = partialBreaks(on: date, within: template.hours)
        guard !taken.isEmpty, Self.fill(template.hours, taken) else { return nil }
        return taken[0].label
    }
}

/// One slot of a provider's day in the book.
public enum SlotState: Hashable, Sendable {
    case free
    /// Booked; more than one appointment means overbooked.
    case booked([Appointment])
    /// A break in the hours (lunch), by its label.
    case pause(String)
    case past
}

/// A slot of the book: a start, its length, what fills it.
public struct DaySlot: Hashable, Sendable {
    public var start: ClockTime
    public var minutes: Int
    public var state: SlotState

    public init(start: ClockTime, minutes: Int, state: SlotState) {
        self.start = start
        self.minutes = minutes
        self.state = state
    }
}

/// The appointment book's arithmetic, pure: a provider's slots on a day, the next free slots,
/// how many are free. A slot is free when it is inside the hours, outside every break, not on
/// leave or a holiday, not past, and no appointment that still holds its time overlaps it.
public enum Availability {
    /// The provider's day in slots of their standard length, from the start of their hours to
    /// the end; appointments off the slot grid are shown where they start.
    public static func slots(_ day: ProviderDay, on date: CalendarDate, now: LocalDateTime) -> [DaySlot] {
        guard let template = day.hours(on: date) else { return [] }
        let step = max(5, day.provider.defaultSlotMinutes)
        let booked = day.appointments.filter { $0.start.date == date && BookingRules.holdsTime($0) }
        var slots: [DaySlot] = []
        var minute = template.hours.start.minuteOfDay
        while minute + step <= template.hours.end.minuteOfDay {
            let start = ClockTime(minuteOfDay: minute)!
            let range = TimeRange(start: start, end: ClockTime(minuteOfDay: minute + step)!)!
            let here = booked.filter { range.overlaps(span($0)) }.sorted { $0.start < $1.start }
            let state: SlotState
            if !here.isEmpty {
                state = .booked(here)
            } else if let pause = template.breaks.first(where: { $0.range.overlaps(range) }) {
                state = .pause(pause.label)
            } else if LocalDateTime(date: date, time: start) < now {
                state = .past
            } else {
                state = .free
            }
            slots.append(DaySlot(start: start, minutes: step, state: state))
            minute += step
        }
        return slots
    }

    /// The next free slots from `from` on, soonest first, up to `limit`, looking `days` days
    /// ahead. A slot where the patient is already booked elsewhere is not offered.
    public static func nextFree(
        _ day: ProviderDay, from: LocalDateTime, limit: Int, days: Int = 60, patientAppointments: [Appointment] = [],
        now: LocalDateTime
    ) -> [LocalDateTime] {
        var found: [LocalDateTime] = []
        let busy = patientAppointments.filter(BookingRules.holdsTime)
        var date = from.date
        for _ in 0..<max(1, days) where found.count < limit {
            for slot in slots(day, on: date, now: now) where slot.state == .free && found.count < limit {
                let start = LocalDateTime(date: date, time: slot.start)
                guard start >= from else { continue }
                let range = TimeRange(start: slot.start, end: ClockTime(minuteOfDay: slot.start.minuteOfDay + slot.minutes)!)!
                guard !busy.contains(where: { $0.start.date == date && range.overlaps(span($0)) }) else { continue }
                found.append(start)
            }
            date = date.adding(days: 1)
        }
        return found
    }

    /// Free slots left on `date`.
    public static func freeCount(_ day: ProviderDay, on date: CalendarDate, now: LocalDateTime) -> Int {
        slots(day, on: date, now: now).filter { $0.state == .free }.count
    }

    /// The time an appointment takes.
    static func span(_ appointment: Appointment) -> TimeRange {
        let start = appointment.start.time
        let end = ClockTime(minuteOfDay: min(1439, start.minuteOfDay + max(1, appointment.minutes)))!
        return TimeRange(start: start, end: end) ?? TimeRange(start: start, end: ClockTime(minuteOfDay: min(1439, start.minuteOfDay + 1))!)!
    }
}
