import Foundation

/// What may be entered on an invoice, as pure checks that name what is wrong. The store runs
/// them inside the write's transaction, against the invoice as it is then.
public enum BillingRules {
    /// A reason is required and kept short enough for a receipt line.
    public static func reason(_ text: String, for what: String) throws(BillingProblem) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw BillingProblem("Give a reason for the \(what).") }
        guard trimmed.count <= 200 else { throw BillingProblem("Keep the reason for the \(what) under 200 characters.") }
        return trimmed
    }

    public static func charge(quantity: Int, price: Money, on summary: InvoiceSummary) throws(BillingProblem) {
        try notVoid(summary)
        guard (1...999).contains(quantity) else { throw BillingProblem("A quantity is a whole number from 1 to 999.") }
        guard !price.isNegative else { throw BillingProblem("A price cannot be negative; take a discount instead.") }
    }

    public static func discount(_ amount: Money, on target: EntityID<InvoiceLine>, in summary: InvoiceSummary)
        throws(BillingProblem)
    {
        try notVoid(summary)
        let charge = try standing(target, in: summary)
        guard amount.minor > 0 else { throw BillingProblem("A discount is more than nothing.") }
        guard amount <= charge.net else {
            throw BillingProblem("A discount of \(summary.invoice.currency.format(amount)) is more than the "
                + "\(summary.invoice.currency.format(charge.net)) left on “\(charge.line.name)”.")
        }
    }

    public static func cancel(_ target: EntityID<InvoiceLine>, in summary: InvoiceSummary) throws(BillingProblem) {
        try notVoid(summary)
        _ = try standing(target, in: summary)
    }

    /// A whole invoice is voided only once nothing stays paid on it (refund first).
    public static func void(_ summary: InvoiceSummary) throws(BillingProblem) {
        try notVoid(summary)
        guard summary.paid.isZero else {
            throw BillingProblem("Refund the \(summary.invoice.currency.format(summary.paid)) paid before voiding the invoice.")
        }
    }

    /// A payment is of what is owed, no more; cash may be tendered above it (the change is shown).
    public static func payment(_ amount: Money, tendered: Money?, method: PaymentMethod, on summary: InvoiceSummary)
        throws(BillingProblem)
    {
        let currency = summary.invoice.currency
        try notVoid(summary)
        guard amount.minor > 0 else { throw BillingProblem("A payment is more than nothing.") }
        guard summary.balance.minor > 0 else { throw BillingProblem("Nothing is owed on this invoice.") }
        guard amount <= summary.balance else {
            throw BillingProblem("\(currency.format(amount)) is more than the \(currency.format(summary.balance)) owed.")
        }
        if let tendered {
            guard method == .cash else { throw BillingProblem("Only cash is tendered.") }
            guard tendered >= amount else {
                throw BillingProblem("\(currency.format(tendered)) tendered is less than the \(currency.format(amount)) to pay.")
            }
        }
    }

    /// A refund gives back at most what is left of the payment.
    public static func refund(_ amount: Money, of payment: Payment, in summary: InvoiceSummary) throws(BillingProblem) {
        let currency = summary.invoice.currency
        guard payment.kind == .payment else { throw BillingProblem("Receipt \(payment.receipt) is itself a refund.") }
        let left = summary.refundable(payment)
        guard left.minor > 0 else { throw BillingProblem("Receipt \(payment.receipt) has been given back in full already.") }
        guard amount.minor > 0 else { throw BillingProblem("A refund is more than nothing.") }
        guard amount <= left else {
            throw BillingProblem("\(currency.format(amount)) is more than the \(currency.format(left)) left of receipt \(payment.receipt).")
        }
    }

    private static func notVoid(_ summary: InvoiceSummary) throws(BillingProblem) {
        if summary.isVoid { throw BillingProblem("This invoice is void.") }
    }

    private static func standing(_ target: EntityID<InvoiceLine>, in summary: InvoiceSummary) throws(BillingProblem)
        -> InvoiceSummary.Charge
    {
        guard let charge = summary.charges.first(where: { $0.line.id == target }) else {
            throw BillingProblem("That line is not a charge on this invoice.")
        }
        guard !charge.isCancelled else { throw BillingProblem("“\(charge.line.name)” was cancelled already.") }
        return charge
    }
}

/// Why a billing entry cannot be made, worded for the desk.
public struct BillingProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
