import Foundation

/// An amount of money in the currency's minor unit (paise, cents): integers only, so no
/// total, tax or change is ever off by a rounding of binary fractions.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var minor: Int

    public init(minor: Int) {
        self.minor = minor
    }

    public static let zero = Money(minor: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(minor: lhs.minor + rhs.minor) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(minor: lhs.minor - rhs.minor) }
    public static prefix func - (value: Money) -> Money { Money(minor: -value.minor) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.minor += rhs.minor }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.minor -= rhs.minor }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(minor: lhs.minor * rhs) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minor < rhs.minor }

    public var isNegative: Bool { minor < 0 }
    public var isZero: Bool { minor == 0 }
    public var magnitude: Money { Money(minor: abs(minor)) }

    /// The minor units, as a debugging aid; screens use ``Currency/format(_:)``.
    public var description: String { "\(minor) minor units" }

    /// `self × numerator ÷ denominator`, rounded half away from zero: the one rounding rule for
    /// tax and percentage discounts (what a receipt printed by hand would show).
    public func scaled(by numerator: Int, over denominator: Int) -> Money {
        precondition(denominator > 0, "a rate's denominator is positive")
        let product = minor * numerator
        let quotient = product / denominator
        let remainder = product % denominator
        // Half away from zero: a remainder of at least half the denominator rounds outward.
        if abs(remainder) * 2 >= denominator { return Money(minor: quotient + (product < 0 ? -1 : 1)) }
        return Money(minor: quotient)
    }
}

extension Sequence where Element == Money {
    public func sum() -> Money { reduce(.zero, +) }
}

/// A rate such as a tax rate, in hundredths of a percent (1800 = 18%), so that 12.5% is exact.
public struct Rate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var basisPoints: Int

    public init(basisPoints: Int) {
        self.basisPoints = basisPoints
    }

    public static let zero = Rate(basisPoints: 0)

    /// `rate` of `amount`, rounded half away from zero.
    public func of(_ amount: Money) -> Money { amount.scaled(by: basisPoints, over: 10_000) }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.basisPoints < rhs.basisPoints }

    /// `18%`, `12.5%`, `0%`.
    public var description: String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        guard fraction != 0 else { return "\(whole)%" }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : Digits.padded(fraction, 2)
        return "\(whole).\(digits)%"
    }

    /// Parses `18`, `18%`, `12.5`, `0`; nil for anything else, or a rate over 100%.
    public init?(text: String) {
        var trimmed = text.trimmingSpaces
        if trimmed.hasSuffix("%") { trimmed.removeLast() }
        guard let points = DecimalText.scaled(trimmed.trimmingSpaces, digits: 2), (0...10_000).contains(points)
        else { return nil }
        self.init(basisPoints: points)
    }
}

/// The clinic's currency: its ISO 4217 code and how many decimal digits its minor unit has.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    public var code: String
    public var minorDigits: Int

    /// A currency by its ISO 4217 code (`INR`, `usd`); nil unless three ASCII letters. The
    /// digits follow ISO 4217 for the currencies that do not use two.
    public init?(code: String) {
        let upper = code.trimmingSpaces.uppercased()
        guard upper.count == 3, upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        self.code = upper
        minorDigits = Self.exceptions[upper] ?? 2
    }

    public static let rupee = Currency(code: "INR")!

    /// ISO 4217 minor units other than two (ISO 4217 amendment list; the common ones only).
    private static let exceptions: [String: Int] = [
        "JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "UGX": 0, "XAF": 0, "XOF": 0, "RWF": 0, "PYG": 0,
        "KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3, "LYD": 3, "IQD": 3,
    ]

    public var description: String { code }

    /// `1,250.00` (grouped by thousands, a minus sign before a negative amount).
    public func format(_ amount: Money) -> String {
        let scale = Self.power(minorDigits)
        let units = amount.minor.magnitude / UInt(scale)
        let fraction = amount.minor.magnitude % UInt(scale)
        var grouped = ""
        for (index, digit) in String(units).reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let whole = String(grouped.reversed())
        let sign = amount.minor < 0 ? "-" : ""
        guard minorDigits > 0 else { return sign + whole }
        return sign + whole + "." + Digits.padded(Int(fraction), minorDigits)
    }

    /// `INR 1,250.00`.
    public func formatWithCode(_ amount: Money) -> String { code + " " + format(amount) }

    /// An amount as typed at the desk: `250`, `250.5`, `1,250.00`; nil when it has more decimal
    /// digits than the currency, any other character, or is negative (refunds are their own entry).
    public func parse(_ text: String) -> Money? {
        let cleaned = text.trimmingSpaces.replacingOccurrences(of: ",", with: "")
        guard let minor = DecimalText.scaled(cleaned, digits: minorDigits) else { return nil }
        return Money(minor: minor)
    }

    static func power(_ digits: Int) -> Int { (0..<digits).reduce(1) { value, _ in value * 10 } }
}

/// Decimal text to a scaled integer without floating point: `"12.5"` at 2 digits → 1250.
enum DecimalText {
    static func scaled(_ text: String, digits: Int) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let wholeText = parts.first, !wholeText.isEmpty || parts.count == 2 else {
            return nil
        }
        let fractionText = parts.count == 2 ? parts[1] : ""
        guard wholeText.allSatisfy(\.isASCIIDigit), fractionText.allSatisfy(\.isASCIIDigit), fractionText.count <= digits,
              wholeText.count + digits <= 15, !(wholeText.isEmpty && fractionText.isEmpty)
        else { return nil }
        let whole = Int(wholeText) ?? 0
        let padded = fractionText + String(repeating: "0", count: digits - fractionText.count)
        return whole * Currency.power(digits) + (Int(padded) ?? 0)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
