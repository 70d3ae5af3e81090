import Foundation

/// The order of day, month and year in dates typed with `/` or `.` separators.
public enum DateOrder: String, CaseIterable, Codable, Sendable {
    /// 07/03/1984 is 7 March (most of the world).
    case dayMonthYear = "dmy"
    /// 03/07/1984 is 7 March (United States).
    case monthDayYear = "mdy"

    /// A sample date in this order, for error messages.
    public var example: String {
        switch self {
        case .dayMonthYear: "1984-03-07 or 7/3/1984"
        case .monthDayYear: "1984-03-07 or 3/7/1984"
        }
    }
}

/// Parses the date formats receptionists type: `1984-03-07`, `7/3/1984`, `07.03.1984`.
public enum DateInput {
    /// The date, or nil when the text is not a valid date in one of the accepted forms.
    public static func parse(_ text: String, order: DateOrder) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = CalendarDate(iso: trimmed) { return iso }
        let separators: Set<Character> = ["/", ".", "-"]
        let parts = trimmed.split(whereSeparator: { separators.contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }),
              parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
              let first = Int(parts[0]), let second = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        switch order {
        case .dayMonthYear: return CalendarDate(year: year, month: second, day: first)
        case .monthDayYear: return CalendarDate(year: year, month: first, day: second)
        }
    }
}
