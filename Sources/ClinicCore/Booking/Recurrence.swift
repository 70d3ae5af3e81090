/// A recurring series: every N days or weeks, for a number of times or until a date.
public struct RecurrenceRule: Hashable, Sendable, Codable {
    public enum Unit: String, Hashable, Sendable, Codable {
        case days
        case weeks
    }

    public enum End: Hashable, Sendable, Codable {
        case count(Int)
        case until(CalendarDate)
    }

    public var every: Int
    public var unit: Unit
    public var end: End

    /// No series is longer than this (two years of weekly visits).
    public static let maximumOccurrences = 104

    public init(every: Int, unit: Unit, end: End) {
        self.every = every
        self.unit = unit
        self.end = end
    }

    /// Why the rule cannot make a series, in words; nil when it can.
    public var problem: String? {
        guard every >= 1, every <= 365 else { return "Repeat every 1 to 365 days or weeks." }
        if case let .count(count) = end, !(2...Self.maximumOccurrences).contains(count) {
            return "A series has 2 to \(Self.maximumOccurrences) appointments."
        }
        return nil
    }

    /// The starts of the series, the first one included, at the same time of day.
    public func occurrences(from first: LocalDateTime) -> [LocalDateTime] {
        guard problem == nil else { return [] }
        let step = unit == .days ? every : every * 7
        var result: [LocalDateTime] = []
        var date = first.date
        while result.count < Self.maximumOccurrences {
            switch end {
            case let .count(count): if result.count >= count { return result }
            case let .until(last): if date > last { return result }
            }
            result.append(LocalDateTime(date: date, time: first.time))
            date = date.adding(days: step)
        }
        return result
    }
}

/// One planned appointment of a series, with what is wrong with its slot.
public struct SeriesOccurrence: Hashable, Sendable {
    public var start: LocalDateTime
    public var problems: [BookingProblem]

    public init(start: LocalDateTime, problems: [BookingProblem]) {
        self.start = start
        self.problems = problems
    }
}
