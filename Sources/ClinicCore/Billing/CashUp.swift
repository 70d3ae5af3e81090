public import Foundation

/// The drawer counted at the end of a day: what the payments say should be in it, what was
/// counted, and the note that explains a difference. Written once; a recount is a new entry.
public struct CashCount: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<CashCount>
    public var day: CalendarDate
    public var device: String
    public var userID: EntityID<User>?
    public var userName: String
    public var currency: Currency
    public var expected: Money
    public var counted: Money
    public var note: String
    public var countedAt: Date

    public init(id: EntityID<CashCount>, day: CalendarDate, device: String, userID: EntityID<User>?, userName: String,
                currency: Currency, expected: Money, counted: Money, note: String, countedAt: Date) {
        self.id = id
        self.day = day
        self.device = device
        self.userID = userID
        self.userName = userName
        self.currency = currency
        self.expected = expected
        self.counted = counted
        self.note = note
        self.countedAt = countedAt
    }

    /// Counted less expected: positive is over, negative is short.
    public var difference: Money { counted - expected }
}

/// One day's takings for one person at one device (or everyone, for the owner's view): totals
/// by method, the cash that should be in the drawer, and the counts made against it.
public struct CashUp: Hashable, Sendable {
    public var day: CalendarDate
    public var device: String
    /// Whose takings; nil for everyone's at this device.
    public var userName: String?
    public var currency: Currency
    public var entries: [Payment]
    public var counts: [CashCount]

    public init(day: CalendarDate, device: String, userName: String?, currency: Currency, entries: [Payment],
                counts: [CashCount]) {
        self.day = day
        self.device = device
        self.userName = userName
        self.currency = currency
        self.entries = entries.sorted { ($0.takenAt, $0.receipt) < ($1.takenAt, $1.receipt) }
        self.counts = counts.sorted { $0.countedAt < $1.countedAt }
    }

    /// One method's line: money in, money given back, and what stays.
    public struct MethodTotal: Hashable, Sendable {
        public var method: PaymentMethod
        public var received: Money
        public var givenBack: Money
        public var count: Int
        public var net: Money { received - givenBack }
    }

    /// Every method, in a fixed order, including those with nothing (a cash-up sheet lists them all).
    public var byMethod: [MethodTotal] {
        PaymentMethod.allCases.map { method in
            let entries = entries.filter { $0.method == method }
            return MethodTotal(method: method,
                               received: entries.filter { $0.kind == .payment }.map(\.amount).sum(),
                               givenBack: entries.filter { $0.kind != .payment }.map(\.amount).sum(),
                               count: entries.count)
        }
    }

    public var total: Money { byMethod.map(\.net).sum() }

    /// Cash that should be in the drawer: cash taken less cash given back.
    public var expectedCash: Money { byMethod.first { $0.method == .cash }?.net ?? .zero }

    /// The newest count, which is the one that stands.
    public var latestCount: CashCount? { counts.last }
}
