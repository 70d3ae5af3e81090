/// How a drawer's difference is said: "as expected", "over by 20.00", "short by 50.00".
public enum CashUpWords {
    public static func difference(_ difference: Money, currency: Currency) -> String {
        if difference.isZero { return "as expected" }
        return difference.isNegative ? "short by \(currency.format(difference.magnitude))" : "over by \(currency.format(difference))"
    }
}
