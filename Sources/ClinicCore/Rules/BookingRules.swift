/// Why a slot is a poor choice for a booking. The receptionist may still book it
/// (walk-ins, squeezed-in urgent cases) but only after seeing these.
public enum BookingProblem: Hashable, Sendable, CustomStringConvertible {
    case notWorking(weekday: Int)
    case outsideHours(hours: TimeRange)
    case duringBreak(ScheduleBreak)
    case closed(ScheduleException)
    case overlaps(existing: Appointment)
    /// The patient has another appointment then, with this or another provider.
    case patientBusy(existing: Appointment, providerName: String)
    case inThePast

    public var description: String {
        switch self {
        case let .notWorking(weekday):
            "The provider does not work on \(BookingRules.weekdayNames[(weekday - 1) % 7])s."
        case let .outsideHours(hours):
            "Outside the provider's hours (\(hours))."
        case let .duringBreak(pause):
            "During the provider's break (\(pause.label), \(pause.range))."
        case let .closed(exception):
            exception.providerID == nil
                ? "The clinic is closed (\(exception.reason), \(exception.firstDay)–\(exception.lastDay)\(hours(exception)))."
                : "The provider is on \(exception.kind.rawValue) (\(exception.reason), \(exception.firstDay)–\(exception.lastDay)\(hours(exception)))."
        case let .overlaps(existing):
            "Overlaps another appointment at \(existing.start.time) (\(existing.minutes) min)."
        case let .patientBusy(existing, provider):
            "The patient already has an appointment at \(existing.start.time) with \(provider)."
        case .inThePast:
            "The time has already passed."
        }
    }

    /// ` 13:00–17:00` for a partial day; nothing for whole days.
    private func hours(_ exception: ScheduleException) -> String {
        exception.hours.map { " \($0)" } ?? ""
    }
}

/// Checks a proposed booking against the provider's week, leave and existing appointments.
public enum BookingRules {
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Every problem with booking `start` for `minutes` (empty: a clean slot).
    ///
    /// - Parameters:
    ///   - templates: the provider's weekly templates (any weekday).
    ///   - exceptions: holidays and leave that may cover the day (clinic-wide or this provider's).
    ///   - sameDay: the provider's other appointments that day; cancelled and no-show ones are ignored.
    ///   - patientSameDay: the patient's appointments that day with any provider, with that provider's name.
    ///   - ignoring: an appointment being moved, which does not clash with itself.
    public static func problems(
        start: LocalDateTime, minutes: Int, templates: [ScheduleTemplate], exceptions: [ScheduleException],
        sameDay: [Appointment], patientSameDay: [(Appointment, String)] = [], ignoring: EntityID<Appointment>? = nil,
        now: LocalDateTime
    ) -> [BookingProblem] {
        var problems: [BookingProblem] = []
        if start < now { problems.append(.inThePast) }
        for exception in exceptions where exception.blocks(range(start.time, minutes), on: start.date) {
            problems.append(.closed(exception))
        }
        let weekday = start.date.isoWeekday
        let dayTemplates = templates.filter { $0.weekday == weekday }
        if dayTemplates.isEmpty {
            problems.append(.notWorking(weekday: weekday))
        } else if !dayTemplates.contains(where: { $0.canSee(at: start.time, minutes: minutes) }) {
            if let template = dayTemplates.first(where: { $0.hours.contains(start.time) }),
               let pause = template.breaks.first(where: { $0.range.overlaps(range(start.time, minutes)) }) {
                problems.append(.duringBreak(pause))
            } else {
                problems.append(.outsideHours(hours: dayTemplates[0].hours))
            }
        }
        let proposed = range(start.time, minutes)
        for other in sameDay where holdsTime(other) && other.id != ignoring && other.start.date == start.date {
            if proposed.overlaps(range(other.start.time, other.minutes)) {
                problems.append(.overlaps(existing: other))
            }
        }
        for (other, provider) in patientSameDay where holdsTime(other) && other.id != ignoring && other.start.date == start.date
            && !sameDay.contains(where: { $0.id == other.id }) {
            if proposed.overlaps(range(other.start.time, other.minutes)) {
                problems.append(.patientBusy(existing: other, providerName: provider))
            }
        }
        return problems
    }

    /// Whether an appointment still takes its time (a cancelled or missed one frees it).
    public static func holdsTime(_ appointment: Appointment) -> Bool {
        appointment.status != .cancelled && appointment.status != .noShow
    }

    private static func range(_ time: ClockTime, _ minutes: Int) -> TimeRange {
        let start = ClockTime(minuteOfDay: min(time.minuteOfDay, 1438))!
        let end = ClockTime(minuteOfDay: min(start.minuteOfDay + max(minutes, 1), 1439))!
        return TimeRange(start: start, end: end)!
    }
}
