/// A patient's balance over all their invoices as the desk says it. One currency (the usual
/// case) is said without its code in the queue's column; several are each said with theirs.
public enum BalanceWords {
    /// "owes INR 400.00", "overpaid by INR 50.00 — refund due", or both kinds for several
    /// currencies joined by "; "; nil when nothing is open either way.
    public static func sentence(_ balance: [Currency: Money]) -> String? {
        let parts = ordered(balance).map { currency, amount in
            amount.isNegative ? "overpaid by \(currency.formatWithCode(amount.magnitude)) — refund due"
                : "owes \(currency.formatWithCode(amount))"
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// For a column headed "Owes": "400.00", or "refund due" when overpaid; with the code when
    /// there are several currencies. Nil when nothing is open.
    public static func amount(_ balance: [Currency: Money]) -> String? {
        let open = ordered(balance)
        guard let (currency, amount) = open.first else { return nil }
        if open.contains(where: { $0.1.isNegative }) { return "refund due" }
        return open.count == 1 ? currency.format(amount) : open.map { $0.0.formatWithCode($0.1) }.joined(separator: ", ")
    }

    private static func ordered(_ balance: [Currency: Money]) -> [(Currency, Money)] {
        balance.filter { !$0.value.isZero }.sorted { $0.key.code < $1.key.code }.map { ($0.key, $0.value) }
    }
}
