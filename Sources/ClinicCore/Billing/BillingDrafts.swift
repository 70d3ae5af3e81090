import Foundation

/// What an admin types for a price-list entry.
public struct PriceItemDraft: Hashable, Sendable {
    public var code: String
    public var name: String
    public var category: ChargeCategory
    public var price: Money
    public var taxRate: Rate
    public var isActive: Bool

    public init(code: String, name: String, category: ChargeCategory, price: Money, taxRate: Rate, isActive: Bool = true) {
        self.code = code
        self.name = name
        self.category = category
        self.price = price
        self.taxRate = taxRate
        self.isActive = isActive
    }
}

/// What the desk types for a payment.
public struct PaymentDraft: Hashable, Sendable {
    public var method: PaymentMethod
    public var amount: Money
    /// Cash handed over, when more than the amount (the change is shown and printed).
    public var tendered: Money?
    public var reference: String
    public var payer: String
    public var policyNumber: String

    public init(method: PaymentMethod, amount: Money, tendered: Money? = nil, reference: String = "", payer: String = "",
                policyNumber: String = "") {
        self.method = method
        self.amount = amount
        self.tendered = tendered
        self.reference = reference
        self.payer = payer
        self.policyNumber = policyNumber
    }

    /// The reference each method needs: a card's or UPI transaction's reference, an insurer's
    /// name, policy and claim reference; nil when complete.
    public var missing: String? {
        let blank = { (text: String) in text.trimmingCharacters(in: .whitespaces).isEmpty }
        switch method {
        case .card where blank(reference): return "A card payment needs the terminal's reference."
        case .upi where blank(reference): return "A UPI payment needs its transaction reference."
        case .insurance where blank(payer): return "An insurance payment needs the payer."
        case .insurance where blank(policyNumber): return "An insurance payment needs the policy number."
        case .insurance where blank(reference): return "An insurance payment needs the claim reference."
        default: return nil
        }
    }
}

