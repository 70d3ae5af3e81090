/// The clinic's figures, computed from rows the store reads: pure, so each is tested against
/// figures worked out by hand.
public enum Reports {
    /// The value at percentile `p` (0…100) by the nearest-rank method (the value a person counts
    /// to in the sorted list, so it is always one of the values); nil for no values.
    public static func percentile(_ values: [Int], _ p: Double) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    // MARK: No-shows

    /// One provider's appointments over a period: kept, missed, and the no-show rate.
    public struct NoShowLine: Hashable, Sendable {
        public var provider: String
        /// Came (checked in, seen, done).
        public var kept: Int
        public var noShows: Int
        /// Cancelled beforehand: not counted in the rate.
        public var cancelled: Int
        /// Past and still only booked or confirmed: nobody marked them; not counted in the rate
        /// (appointments still to come are not counted at all).
        public var unmarked: Int
        public init(provider: String, kept: Int, noShows: Int, cancelled: Int, unmarked: Int) {
            self.provider = provider
            self.kept = kept
            self.noShows = noShows
            self.cancelled = cancelled
            self.unmarked = unmarked
        }

        /// No-shows ÷ (kept + no-shows), in basis points; nil when nothing was due.
        public var rateBasisPoints: Int? {
            let due = kept + noShows
            return due == 0 ? nil : (noShows * 10_000 + due / 2) / due
        }
    }

    /// Appointment counts by status, per provider name, into lines (by provider), with a total line.
    public static func noShows(_ counts: [(provider: String, status: AppointmentStatus, count: Int)]) -> [NoShowLine] {
        var lines: [String: NoShowLine] = [:]
        for (provider, status, count) in counts {
            var line = lines[provider] ?? NoShowLine(provider: provider, kept: 0, noShows: 0, cancelled: 0, unmarked: 0)
            switch status {
            case .checkedIn, .inConsultation, .completed, .followUpBooked: line.kept += count
            case .noShow: line.noShows += count
            case .cancelled: line.cancelled += count
            case .booked, .confirmed: line.unmarked += count
            }
            lines[provider] = line
        }
        let sorted = lines.values.sorted { $0.provider < $1.provider }
        let total = sorted.reduce(NoShowLine(provider: "All providers", kept: 0, noShows: 0, cancelled: 0, unmarked: 0)) { sum, line in
            NoShowLine(provider: sum.provider, kept: sum.kept + line.kept, noShows: sum.noShows + line.noShows,
                       cancelled: sum.cancelled + line.cancelled, unmarked: sum.unmarked + line.unmarked)
        }
        return sorted.isEmpty ? [] : sorted + [total]
    }

    /// "12.5%" from basis points, rounded to a tenth; "—" for none.
    public static func percent(_ basisPoints: Int?) -> String {
        guard let basisPoints else { return "—" }
        let tenths = (basisPoints + 5) / 10
        return "\(tenths / 10).\(tenths % 10)%"
    }

    // MARK: Waiting times

    /// One visit's times, in minutes from arrival.
    public struct VisitTimes: Hashable, Sendable {
        public var provider: String
        public var day: CalendarDate
        /// Check-in → called (or seen, when never called by name); nil while still waiting.
        public var waited: Int?
        /// Called → done; nil until finished.
        public var seen: Int?

        public init(provider: String, day: CalendarDate, waited: Int?, seen: Int?) {
            self.provider = provider
            self.day = day
            self.waited = waited
            self.seen = seen
        }
    }

    /// One provider's day: how many visits, and the median and 90th percentile of each wait.
    public struct WaitingLine: Hashable, Sendable {
        public var provider: String
        public var day: CalendarDate
        public var visits: Int
        public var waitedMedian: Int?
        public var waitedP90: Int?
        public var seenMedian: Int?
        public var seenP90: Int?

        public init(provider: String, day: CalendarDate, visits: Int, waitedMedian: Int?, waitedP90: Int?, seenMedian: Int?, seenP90: Int?) {
            self.provider = provider
            self.day = day
            self.visits = visits
            self.waitedMedian = waitedMedian
            self.waitedP90 = waitedP90
            self.seenMedian = seenMedian
            self.seenP90 = seenP90
        }
    }

    public static func waitingTimes(_ visits: [VisitTimes]) -> [WaitingLine] {
        Dictionary(grouping: visits) { "\($0.provider)\u{1F}\($0.day)" }.values.map { group in
            let waited = group.compactMap(\.waited)
            let seen = group.compactMap(\.seen)
            return WaitingLine(provider: group[0].provider, day: group[0].day, visits: group.count,
                               waitedMedian: percentile(waited, 50), waitedP90: percentile(waited, 90),
                               seenMedian: percentile(seen, 50), seenP90: percentile(seen, 90))
        }.sorted { ($0.day, $0.provider) < ($1.day, $1.provider) }
    }

    // MARK: Utilisation

    /// One provider over a period: minutes booked against minutes of working hours.
    public struct UtilisationLine: Hashable, Sendable {
        public var provider: String
        public var bookedMinutes: Int
        public var availableMinutes: Int

        public init(provider: String, bookedMinutes: Int, availableMinutes: Int) {
            self.provider = provider
            self.bookedMinutes = bookedMinutes
            self.availableMinutes = availableMinutes
        }

        /// Booked ÷ available in basis points (over 100% when overbooked); nil with no hours.
        public var basisPoints: Int? {
            availableMinutes == 0 ? nil : (bookedMinutes * 10_000 + availableMinutes / 2) / availableMinutes
        }
    }

    /// Working minutes of a provider's day: the hours, less every break and partial-day leave (overlaps counted once).
    public static func availableMinutes(_ day: ProviderDay, on date: CalendarDate) -> Int {
        guard let template = day.hours(on: date) else { return 0 }
        var minutes = template.hours.minutes
        var reached = template.hours.start.minuteOfDay
        for pause in template.breaks.map(\.range).sorted(by: { $0.start < $1.start }) {
            let start = max(pause.start.minuteOfDay, reached, template.hours.start.minuteOfDay)
            let end = min(pause.end.minuteOfDay, template.hours.end.minuteOfDay)
            if end > start { minutes -= end - start }
            reached = max(reached, end)
        }
        return max(minutes, 0)
    }

    /// - Parameter booked: minutes of appointments not cancelled, per provider id.
    public static func utilisation(_ days: [ProviderDay], from: CalendarDate, to: CalendarDate, booked: [EntityID<Provider>: Int])
        -> [UtilisationLine]
    {
        days.map { day in
            var available = 0
            var date = from
            while date <= to {
                available += availableMinutes(day, on: date)
                date = date.adding(days: 1)
            }
            return UtilisationLine(provider: day.provider.displayName, bookedMinutes: booked[day.provider.id] ?? 0, availableMinutes: available)
        }.sorted { $0.provider < $1.provider }
    }

    // MARK: Registrations

    /// New patients per clinic day, every day of the period listed (a quiet day is a zero).
    public static func registrations(_ days: [CalendarDate], from: CalendarDate, to: CalendarDate) -> [(day: CalendarDate, count: Int)] {
        let counts = Dictionary(grouping: days, by: { $0 }).mapValues(\.count)
        var lines: [(CalendarDate, Int)] = []
        var date = from
        while date <= to {
            lines.append((date, counts[date] ?? 0))
            date = date.adding(days: 1)
        }
        return lines
    }
}
