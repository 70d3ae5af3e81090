public import ClinicCore

/// Days as the desk says them: `Wed 2 Dec`, `today`, `tomorrow`.
public enum DayText {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Wed 2 Dec`, with the year when it is not this year's (`Wed 2 Dec 2027`).
    public static func short(_ date: CalendarDate, today: CalendarDate? = nil) -> String {
        let text = "\(weekdays[date.isoWeekday - 1]) \(date.day) \(months[date.month - 1])"
        guard let today, today.year != date.year else { return text }
        return "\(text) \(date.year)"
    }

    /// `today`, `tomorrow`, `yesterday`, else `Wed 2 Dec`.
    public static func relative(_ date: CalendarDate, today: CalendarDate) -> String {
        switch date.daysSinceEpoch - today.daysSinceEpoch {
        case 0: "today"
        case 1: "tomorrow"
        case -1: "yesterday"
        default: short(date, today: today)
        }
    }

    /// `Wed 2 Dec 09:00`, `today 09:00`.
    public static func moment(_ start: LocalDateTime, today: CalendarDate) -> String {
        "\(relative(start.date, today: today)) \(start.time)"
    }

    /// The weekday's short name (`Wed`).
    public static func weekday(_ date: CalendarDate) -> String { weekdays[date.isoWeekday - 1] }
}
