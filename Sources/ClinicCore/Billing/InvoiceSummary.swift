/// An invoice with everything entered against it, and the arithmetic a receipt shows: pure,
/// so totals, tax, rounding and balances are tested without a database.
///
/// Tax is charged per line on the line's amount after its discounts, rounded half away from
/// zero (``Rate/of(_:)``); the invoice's tax is the sum of the lines' rounded tax, so the
/// receipt's lines always add up to its total.
public struct InvoiceSummary: Hashable, Sendable {
    public var invoice: Invoice
    public var lines: [InvoiceLine]
    public var payments: [Payment]

    public init(invoice: Invoice, lines: [InvoiceLine], payments: [Payment]) {
        self.invoice = invoice
        self.lines = lines.sorted { ($0.addedAt, $0.id.description) < ($1.addedAt, $1.id.description) }
        self.payments = payments.sorted { ($0.takenAt, $0.receipt) < ($1.takenAt, $1.receipt) }
    }

    /// A charge as it stands: its discounts, whether it was cancelled, and its amounts.
    public struct Charge: Hashable, Sendable {
        public var line: InvoiceLine
        public var discounts: [InvoiceLine]
        public var cancellation: InvoiceLine?

        public var isCancelled: Bool { cancellation != nil }
        public var gross: Money { line.unitPrice * line.quantity }
        public var discount: Money { discounts.map(\.unitPrice).sum() }
        /// What tax is charged on: the gross less its discounts (never below zero).
        public var net: Money { max(.zero, gross - discount) }
        public var tax: Money { line.taxRate.of(net) }
        public var total: Money { net + tax }
    }

    /// The void of the whole invoice, when there is one.
    public var void: InvoiceLine? { lines.first { $0.kind == .void } }
    public var isVoid: Bool { void != nil }

    /// Every charge in the order entered, cancelled ones included (a receipt shows them struck).
    public var charges: [Charge] {
        lines.filter { $0.kind == .charge }.map { charge in
            Charge(line: charge,
                   discounts: lines.filter { $0.kind == .discount && $0.target == charge.id },
                   cancellation: lines.first { $0.kind == .cancellation && $0.target == charge.id })
        }
    }

    /// The charges that count: not cancelled, on an invoice that is not void.
    public var standingCharges: [Charge] { isVoid ? [] : charges.filter { !$0.isCancelled } }

    public var subtotal: Money { standingCharges.map(\.gross).sum() }
    public var discount: Money { standingCharges.map { min($0.discount, $0.gross) }.sum() }
    public var tax: Money { standingCharges.map(\.tax).sum() }
    public var total: Money { standingCharges.map(\.total).sum() }

    /// Payments less refunds and voids.
    public var paid: Money { payments.map(\.signedAmount).sum() }
    /// What the patient still owes; negative when more was paid than charged (a refund is due).
    public var balance: Money { total - paid }

    /// Of `payment`, what has not been given back yet.
    public func refundable(_ payment: Payment) -> Money {
        guard payment.kind == .payment else { return .zero }
        return payment.amount - payments.filter { $0.kind != .payment && $0.refundOf == payment.id }.map(\.amount).sum()
    }

    /// Where the invoice stands, in the words the desk uses.
    public var standing: Standing {
        if balance.isNegative { return .overpaid(balance.magnitude) }
        if isVoid { return .void }
        if total.isZero { return .nothingCharged }
        if balance.isZero { return .paid }
        return paid.isZero ? .unpaid(balance) : .partlyPaid(balance)
    }

    public enum Standing: Hashable, Sendable {
        case nothingCharged
        case unpaid(Money)
        case partlyPaid(Money)
        case paid
        /// More came in than is charged (two devices took the same bill offline, or a charge was
        /// cancelled after payment): the difference is owed back to the patient.
        case overpaid(Money)
        case void

        public func words(_ currency: Currency) -> String {
            switch self {
            case .nothingCharged: "nothing charged"
            case let .unpaid(owed): "owes \(currency.format(owed))"
            case let .partlyPaid(owed): "part paid, owes \(currency.format(owed))"
            case .paid: "paid"
            case let .overpaid(extra): "overpaid by \(currency.format(extra)) — refund due"
            case .void: "void"
            }
        }
    }
}
