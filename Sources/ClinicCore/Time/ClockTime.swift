import Foundation

/// A time of day in the clinic's local time, to the minute (`09:30`).
public struct ClockTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Minutes after midnight, 0 ..< 1440.
    public let minuteOfDay: Int

    public init?(minuteOfDay: Int) {
        guard (0..<1440).contains(minuteOfDay) else { return nil }
        self.minuteOfDay = minuteOfDay
    }

    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        minuteOfDay = hour * 60 + minute
    }

    /// Parses `H:MM` or `HH:MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    public var description: String { Digits.padded(hour, 2) + ":" + Digits.padded(minute, 2) }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minuteOfDay < rhs.minuteOfDay }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ClockTime(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not a HH:MM time")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A span of the day, start inclusive, end exclusive (`12:00–13:00`).
public struct TimeRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public let start: ClockTime
    public let end: ClockTime

    /// Nil when the end is not after the start.
    public init?(start: ClockTime, end: ClockTime) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    public var minutes: Int { end.minuteOfDay - start.minuteOfDay }

    public func contains(_ time: ClockTime) -> Bool { start <= time && time < end }

    public func overlaps(_ other: TimeRange) -> Bool { start < other.end && other.start < end }

    public var description: String { "\(start)–\(end)" }
}

/// A local date and time in the clinic (appointments are booked in clinic time).
public struct LocalDateTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let date: CalendarDate
    public let time: ClockTime

    public init(date: CalendarDate, time: ClockTime) {
        self.date = date
        self.time = time
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }

    public var description: String { "\(date) \(time)" }
}
