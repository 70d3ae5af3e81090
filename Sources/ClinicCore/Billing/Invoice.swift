public import Foundation

/// What a patient is charged for one visit (or a purchase at the desk). Written once; lines,
/// discounts, cancellations, a void, payments and refunds are all later entries that refer to
/// it — nothing financial is edited or deleted.
public struct Invoice: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<Invoice>
    public var patientID: EntityID<Patient>
    public var visitID: EntityID<Visit>?
    public var currency: Currency
    public var openedAt: Date
    public var openedBy: String

    public init(id: EntityID<Invoice>, patientID: EntityID<Patient>, visitID: EntityID<Visit>?, currency: Currency,
                openedAt: Date, openedBy: String) {
        self.id = id
        self.patientID = patientID
        self.visitID = visitID
        self.currency = currency
        self.openedAt = openedAt
        self.openedBy = openedBy
    }
}

/// One entry on an invoice: a charge, a discount on a charge, the cancellation of a charge, or
/// the void of the whole invoice.
public struct InvoiceLine: Identifiable, Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case charge
        case discount
        case cancellation
        case void
    }

    public var id: EntityID<InvoiceLine>
    public var invoiceID: EntityID<Invoice>
    public var kind: Kind
    public var code: String
    public var name: String
    public var category: ChargeCategory
    public var quantity: Int
    /// For a charge, the price of one; for a discount, the amount taken off before tax.
    public var unitPrice: Money
    public var taxRate: Rate
    /// The charge a discount or cancellation applies to.
    public var target: EntityID<InvoiceLine>?
    public var reason: String
    public var addedAt: Date
    public var addedBy: String

    public init(id: EntityID<InvoiceLine>, invoiceID: EntityID<Invoice>, kind: Kind, code: String = "", name: String,
                category: ChargeCategory = .other, quantity: Int = 1, unitPrice: Money = .zero, taxRate: Rate = .zero,
                target: EntityID<InvoiceLine>? = nil, reason: String = "", addedAt: Date, addedBy: String) {
        self.id = id
        self.invoiceID = invoiceID
        self.kind = kind
        self.code = code
        self.name = name
        self.category = category
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.taxRate = taxRate
        self.target = target
        self.reason = reason
        self.addedAt = addedAt
        self.addedBy = addedBy
    }
}

/// How money came in (or went back).
public enum PaymentMethod: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case cash
    case card
    case upi
    case insurance
    case other

    public var description: String {
        switch self {
        case .upi: "UPI"
        default: rawValue
        }
    }

    /// What the method's reference is called on the form and the receipt.
    public var referenceLabel: String {
        switch self {
        case .cash: "Note"
        case .card: "Card reference"
        case .upi: "UPI transaction"
        case .insurance: "Claim reference"
        case .other: "Reference"
        }
    }
}

/// Money taken on an invoice, or given back (a refund, or the void of a payment taken in error).
public struct Payment: Identifiable, Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case payment
        case refund
        case void
    }

    public var id: EntityID<Payment>
    public var invoiceID: EntityID<Invoice>
    public var patientID: EntityID<Patient>
    public var kind: Kind
    public var method: PaymentMethod
    /// Always positive: a refund's kind says which way the money went.
    public var amount: Money
    /// Cash handed over (a payment in cash only), so the change can be shown and reprinted.
    public var tendered: Money?
    public var reference: String
    /// Insurance: who pays, the policy, and the patient's own share noted on the receipt.
    public var payer: String
    public var policyNumber: String
    /// The payment a refund or void gives back.
    public var refundOf: EntityID<Payment>?
    public var reason: String
    public var receipt: ReceiptNumber
    public var takenAt: Date
    public var takenBy: EntityID<User>?
    public var takenByName: String
    /// The device (clinic host) whose drawer the money went into.
    public var device: String

    public init(id: EntityID<Payment>, invoiceID: EntityID<Invoice>, patientID: EntityID<Patient>, kind: Kind,
                method: PaymentMethod, amount: Money, tendered: Money? = nil, reference: String = "", payer: String = "",
                policyNumber: String = "", refundOf: EntityID<Payment>? = nil, reason: String = "", receipt: ReceiptNumber,
                takenAt: Date, takenBy: EntityID<User>?, takenByName: String, device: String) {
        self.id = id
        self.invoiceID = invoiceID
        self.patientID = patientID
        self.kind = kind
        self.method = method
        self.amount = amount
        self.tendered = tendered
        self.reference = reference
        self.payer = payer
        self.policyNumber = policyNumber
        self.refundOf = refundOf
        self.reason = reason
        self.receipt = receipt
        self.takenAt = takenAt
        self.takenBy = takenBy
        self.takenByName = takenByName
        self.device = device
    }

    /// What the entry does to the money received: a payment adds, a refund or void takes away.
    public var signedAmount: Money { kind == .payment ? amount : -amount }

    /// Change to hand back for a cash payment.
    public var change: Money? { tendered.map { $0 - amount } }
}

/// A receipt's number: the device's prefix and its own counter (`RFC-R000042`), so two offline
/// devices never print the same number and a device's numbers have no gaps.
public struct ReceiptNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let prefix: String
    public let serial: Int

    public init(prefix: String, serial: Int) {
        self.prefix = prefix
        self.serial = serial
    }

    /// Parses `RFC-R000042` (case-insensitive).
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, MRN.isValidPrefix(String(parts[0])), parts[1].first == "R",
              parts[1].dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let serial = Int(parts[1].dropFirst())
        else { return nil }
        self.init(prefix: String(parts[0]), serial: serial)
    }

    public var description: String { prefix + "-R" + Digits.padded(serial, 6) }

    public static func < (lhs: ReceiptNumber, rhs: ReceiptNumber) -> Bool { (lhs.prefix, lhs.serial) < (rhs.prefix, rhs.serial) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ReceiptNumber(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not a receipt number")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
