import ClinicCore
import Foundation

/// How the providers screen words hours and time off (pure; shared by the view, messages and the filter).
enum ProvidersText {
    static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let fullDayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// `08:30–12:30, 13:30–17:00`: the spans worked; `off` for no day.
    static func spans(_ day: WorkingDay?) -> String {
        DayHoursText.format(day).replacingOccurrences(of: "-", with: "–")
    }

    /// `Mon–Fri 08:30–12:30, 13:30–17:00 · Sat 09:00–12:00`: runs of weekdays with the same hours.
    static func weekSummary(_ days: [WorkingDay]) -> String {
        var runs: [(first: Int, last: Int, text: String)] = []
        for weekday in 1...7 {
            guard let day = days.first(where: { $0.weekday == weekday }) else { continue }
            let text = spans(day)
            if let run = runs.last, run.last == weekday - 1, run.text == text {
                runs[runs.count - 1].last = weekday
            } else {
                runs.append((weekday, weekday, text))
            }
        }
        guard !runs.isEmpty else { return "no weekly hours" }
        return runs.map { run in
            let days = run.first == run.last ? dayNames[run.first - 1] : "\(dayNames[run.first - 1])–\(dayNames[run.last - 1])"
            return "\(days) \(run.text)"
        }.joined(separator: " · ")
    }

    /// The saved weekly hours of a provider, summarised.
    static func weekSummary(_ schedule: ProviderSchedule) -> String {
        weekSummary(schedule.week.map(WorkingDay.init))
    }

    /// `leave 2026-11-23 13:00–17:00 (Course)`.
    static func exception(_ exception: ScheduleException) -> String {
        "\(exception.when) (\(exception.reason))"
    }

    /// The leave column: the next leave, and how many more follow; `none` without any.
    static func leaveAhead(_ leave: [ScheduleException], from today: CalendarDate) -> String {
        let ahead = leave.filter { $0.lastDay >= today }
        guard let next = ahead.first else { return "none" }
        return exception(next) + (ahead.count > 1 ? " +\(ahead.count - 1) more" : "")
    }

    /// `Mon 2026-11-23`.
    static func day(_ date: CalendarDate) -> String {
        "\(dayNames[date.isoWeekday - 1]) \(date)"
    }

    /// What the provider works on `date`, with the time off that day in words:
    /// `08:00–13:00 · leave 13:00–17:00: Course`, `leave: Course`, `off`.
    static func dayHours(_ schedule: ProviderSchedule, holidays: [ScheduleException], on date: CalendarDate) -> String {
        let days = schedule.days(holidays: holidays)
        if let off = days.dayOff(on: date) { return off == "not working" ? "off" : off }
        guard let template = days.hours(on: date) else { return "off" }
        let partial = days.exceptions.filter { $0.covers(date) && $0.isPartialDay }
            .map { exception in "\(exception.providerID == nil ? "clinic closed" : exception.kind.rawValue) \(exception.hours!): \(exception.reason)" }
        return ([spans(WorkingDay(template))] + partial).joined(separator: " · ")
    }

    /// `Mon–Fri 08:00–18:00` for the list, or the words the `/` filter matches.
    static func searchTexts(_ rows: [ProviderSchedule], today: CalendarDate) -> [String] {
        rows.map { row in
            "\(row.provider.displayName) \(row.provider.specialty) \(row.linkedUser?.username ?? "") \(weekSummary(row)) "
                + leaveAhead(row.leave, from: today)
        }
    }
}
