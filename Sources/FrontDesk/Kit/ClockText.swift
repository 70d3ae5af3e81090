public import ClinicCore
public import Foundation

/// Instants as the clinic's wall clock shows them.
public enum ClockText {
    /// The time of day of `date` in `timeZone`.
    public static func time(_ date: Date, timeZone: TimeZone) -> ClockTime {
        let seconds = Int(date.timeIntervalSince1970) + timeZone.secondsFromGMT(for: date)
        return ClockTime(minuteOfDay: ((seconds % 86_400) + 86_400) % 86_400 / 60)!
    }

    /// The day of `date` in `timeZone`.
    public static func day(_ date: Date, timeZone: TimeZone) -> CalendarDate {
        CalendarDate.today(clock: .fixed(date), timeZone: timeZone)
    }

    /// `10:42` for today, `2026-11-19 10:42` for another day.
    public static func moment(_ date: Date, session: Session) -> String {
        let day = day(date, timeZone: session.timeZone)
        let time = time(date, timeZone: session.timeZone)
        return day == session.today ? "\(time)" : "\(day) \(time)"
    }
}
