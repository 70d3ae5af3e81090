import Foundation

/// Days the way a receptionist types them to find one in the book or to say "in two weeks":
/// `today`, `tomorrow`, `yesterday`, a weekday (`mon`: the coming Monday), a distance (`+3`,
/// `-1`, `2w`, `10d`, `3m`), a full date (`2026-12-24`, `24/12/2026`), a day and month without
/// the year (`24/12`, `24 dec`: the one nearest today), or a day and month name with a year.
public enum DayInput {
    /// What the box accepts, for messages.
    public static func examples(_ order: DateOrder) -> String {
        "a date such as \(order == .dayMonthYear ? "24/12" : "12/24"), 2026-12-24, 24 dec, tomorrow, fri or +2w"
    }

    /// The day meant, or nil when the text is not one of the accepted forms.
    public static func parse(_ text: String, today: CalendarDate, order: DateOrder) -> CalendarDate? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !words.isEmpty else { return nil }
        let joined = words.joined(separator: " ")
        switch joined {
        case "today", "now": return today
        case "tomorrow", "tom", "tmrw": return today.adding(days: 1)
        case "yesterday": return today.adding(days: -1)
        default: break
        }
        if let weekday = weekday(joined) {
            let ahead = (weekday - today.isoWeekday + 7) % 7
            return today.adding(days: ahead == 0 ? 7 : ahead)
        }
        if let distance = distance(joined.replacingOccurrences(of: " ", with: "")) { return distance.apply(to: today) }
        if let full = DateInput.parse(joined, order: order) { return full }
        if let named = named(words, today: today) { return named }
        return dayAndMonth(joined, today: today, order: order)
    }

    /// A distance from today: `+3`, `-2`, `3d`, `2w`, `3m`, `1y`, `2 weeks`.
    public struct Distance: Hashable, Sendable {
        public enum Unit: Hashable, Sendable { case days, weeks, months, years }
        public var count: Int
        public var unit: Unit

        public func apply(to date: CalendarDate) -> CalendarDate {
            switch unit {
            case .days: date.adding(days: count)
            case .weeks: date.adding(days: 7 * count)
            case .months: DayInput.adding(months: count, to: date)
            case .years: DayInput.adding(months: 12 * count, to: date)
            }
        }
    }

    /// A distance typed on its own (`2w`, `+10d`, `6 weeks`), or nil.
    public static func distance(_ text: String) -> Distance? {
        var rest = Substring(text.lowercased().replacingOccurrences(of: " ", with: ""))
        var sign = 1
        if rest.first == "+" { rest = rest.dropFirst() } else if rest.first == "-" { sign = -1; rest = rest.dropFirst() }
        let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 4, let count = Int(digits) else { return nil }
        let unitText = rest.dropFirst(digits.count)
        let explicitSign = text.first == "+" || text.first == "-"
        let unit: Distance.Unit
        switch unitText {
        case "" where explicitSign, "d", "day", "days": unit = .days
        case "w", "wk", "wks", "week", "weeks": unit = .weeks
        case "m", "mo", "month", "months": unit = .months
        case "y", "yr", "year", "years": unit = .years
        default: return nil
        }
        return Distance(count: sign * count, unit: unit)
    }

    /// The same day `count` months on, kept inside the month (31 January + 1 month is 28 or 29 February).
    public static func adding(months count: Int, to date: CalendarDate) -> CalendarDate {
        let index = date.year * 12 + (date.month - 1) + count
        let year = index / 12
        let month = index % 12 + 1
        return CalendarDate(year: year, month: month, day: min(date.day, CalendarDate.daysIn(month: month, year: year))) ?? date
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func weekday(_ text: String) -> Int? {
        guard text.count >= 2, text.allSatisfy(\.isLetter) else { return nil }
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let matches = names.indices.filter { names[$0].hasPrefix(text) }
        return matches.count == 1 ? matches[0] + 1 : nil
    }

    private static func month(_ text: String) -> Int? {
        guard text.count >= 3 else { return nil }
        return months.firstIndex { text.hasPrefix($0) }.map { $0 + 1 }
    }

    /// `24 dec`, `dec 24`, `24 december 2026`.
    private static func named(_ words: [String], today: CalendarDate) -> CalendarDate? {
        guard words.count == 2 || words.count == 3 else { return nil }
        let parts: (day: String, month: String)
        if month(words[0]) != nil { parts = (words[1], words[0]) } else { parts = (words[0], words[1]) }
        guard let monthNumber = month(parts.month), let day = Int(parts.day.filter(\.isNumber)), !parts.day.isEmpty else { return nil }
        if words.count == 3 {
            guard let year = Int(words[2]), words[2].count == 4 else { return nil }
            return CalendarDate(year: year, month: monthNumber, day: day)
        }
        return nearest(month: monthNumber, day: day, today: today)
    }

    /// `24/12` or `24.12` in the clinic's order.
    private static func dayAndMonth(_ text: String, today: CalendarDate, order: DateOrder) -> CalendarDate? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isNumber) }),
              let first = Int(parts[0]), let second = Int(parts[1]) else { return nil }
        return order == .dayMonthYear ? nearest(month: second, day: first, today: today) : nearest(month: first, day: second, today: today)
    }

    /// The day and month in last, this or next year, whichever is nearest today.
    private static func nearest(month: Int, day: Int, today: CalendarDate) -> CalendarDate? {
        let candidates = [today.year - 1, today.year, today.year + 1].compactMap { CalendarDate(year: $0, month: month, day: day) }
        return candidates.min { abs($0.daysSinceEpoch - today.daysSinceEpoch) < abs($1.daysSinceEpoch - today.daysSinceEpoch) }
    }
}
