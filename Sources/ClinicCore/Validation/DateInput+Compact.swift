import Foundation

extension DateInput {
    /// The earliest year an eight-digit date may name. Nobody alive was born earlier, and it keeps
    /// the two readings of eight digits apart: a year from 1800 on starts with 18 or more, never a
    /// month, so when the digits read as a date in one order they cannot in the other.
    public static let earliestCompactYear = 1800

    /// Eight digits without separators as a date: `25031982` in the clinic's order (`03251982` in a
    /// month-first clinic), else `19820325` as year, month, day; nil when neither is a valid date
    /// from ``earliestCompactYear`` on.
    public static func parseCompact(_ text: String, order: DateOrder) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 8, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let digits = Array(trimmed)
        func number(_ range: Range<Int>) -> Int { Int(String(digits[range]))! }
        let local: CalendarDate? = switch order {
        case .dayMonthYear: CalendarDate(year: number(4..<8), month: number(2..<4), day: number(0..<2))
        case .monthDayYear: CalendarDate(year: number(4..<8), month: number(0..<2), day: number(2..<4))
        }
        let iso = CalendarDate(year: number(0..<4), month: number(4..<6), day: number(6..<8))
        return [local, iso].compactMap { $0 }.first { $0.year >= earliestCompactYear }
    }

    /// A date in any accepted form, compact ones included (``parse(_:order:)``, ``parseCompact(_:order:)``).
    public static func parseAny(_ text: String, order: DateOrder) -> CalendarDate? {
        parse(text, order: order) ?? parseCompact(text, order: order)
    }
}
