/// A service the clinic charges for, as the admin keeps it in the price list. An invoice line
/// copies its code, name, price and tax rate, so a later price change only affects new invoices.
public struct PriceItem: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<PriceItem>
    public var code: String
    public var name: String
    public var category: ChargeCategory
    public var price: Money
    public var taxRate: Rate
    public var isActive: Bool

    public init(id: EntityID<PriceItem>, code: String, name: String, category: ChargeCategory, price: Money, taxRate: Rate,
                isActive: Bool = true) {
        self.id = id
        self.code = code
        self.name = name
        self.category = category
        self.price = price
        self.taxRate = taxRate
        self.isActive = isActive
    }

    /// A code is 1–12 letters, digits or `-`, stored upper-case (`CONS-GP`).
    public static func normalizedCode(_ text: String) -> String? {
        let upper = text.uppercased().filter { !$0.isWhitespace }
        guard (1...12).contains(upper.count),
              upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else { return nil }
        return upper
    }
}

/// How the price list and an invoice group what is charged.
public enum ChargeCategory: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case consultation
    case procedure
    case lab
    case other

    public var description: String { rawValue }

    /// Parses the word or its first letter (`c`, `procedure`).
    public init?(typed text: String) {
        let word = text.lowercased().filter { !$0.isWhitespace }
        guard let match = Self.allCases.first(where: { $0.rawValue == word || (word.count == 1 && $0.rawValue.hasPrefix(word)) })
        else { return nil }
        self = match
    }
}
