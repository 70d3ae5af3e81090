public import Foundation

/// Formats and parses instants as UTC ISO 8601 text with milliseconds (`2026-11-21T09:30:05.120Z`).
///
/// Hand-written on top of ``CalendarDate``'s civil-date arithmetic: it is fixed-width,
/// sorts chronologically as text, and avoids sharing a non-Sendable formatter between threads.
public enum ISOInstant {
    /// `2026-11-21T09:30:05.120Z`.
    public static func format(_ date: Date) -> String {
        let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, millisOfDay) = floorDivide(totalMillis, 86_400_000)
        let day = CalendarDate(daysSinceEpoch: Int(days))
        let seconds = Int(millisOfDay / 1000)
        return day.description + "T" + Digits.padded(seconds / 3600, 2) + ":" + Digits.padded((seconds / 60) % 60, 2)
            + ":" + Digits.padded(seconds % 60, 2) + "." + Digits.padded(Int(millisOfDay % 1000), 3) + "Z"
    }

    /// Parses text written by ``format(_:)`` (fraction optional); nil when malformed.
    public static func parse(_ text: String) -> Date? {
        // What format(_:) writes, read straight from the bytes: the queue reads several per visit.
        if let (year, month, day, seconds, millis) = ASCIIDigits.isoInstant(text) {
            guard let date = CalendarDate(year: year, month: month, day: day), seconds < 86_400 else { return nil }
            return Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400 + Double(seconds) + Double(millis) / 1000)
        }
        guard text.count >= 20, text.hasSuffix("Z") else { return nil }
        let parts = text.dropLast().split(separator: "T")
        guard parts.count == 2, let day = CalendarDate(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]),
              let seconds = Double(clock[2]), (0..<24).contains(hour), (0..<60).contains(minute),
              seconds >= 0, seconds < 61
        else { return nil }
        let interval = Double(day.daysSinceEpoch) * 86_400 + Double(hour * 3600 + minute * 60) + seconds
        return Date(timeIntervalSince1970: interval)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }
}
