/// Everything printed on a receipt (or a refund's receipt), as text the caller has already
/// formatted (money, dates), so this module knows nothing of the domain model.
public struct ReceiptContent: Sendable, Hashable {
    public var clinicName: String
    public var clinicAddressLines: [String]
    /// "Receipt" or "Refund".
    public var title: String
    /// The device-prefixed number, e.g. "RFC-R000042".
    public var number: String
    /// When the money changed hands, formatted.
    public var dateTime: String
    public var patientName: String
    public var patientMRN: String
    /// Who took the money, and at which till.
    public var takenBy: String
    /// The invoice's charges, discounts and cancellations, in order.
    public var lines: [ReceiptLine]
    /// Subtotal, discount, tax, total, paid, balance.
    public var totals: [LabeledValue]
    /// This payment: method, amount, tendered and change, references.
    public var payment: [LabeledValue]
    /// A sentence under the payment (e.g. why a refund was made), or nil.
    public var note: String?
    public var footer: String

    public init(clinicName: String, clinicAddressLines: [String], title: String, number: String, dateTime: String,
                patientName: String, patientMRN: String, takenBy: String, lines: [ReceiptLine], totals: [LabeledValue],
                payment: [LabeledValue], note: String? = nil, footer: String) {
        self.clinicName = clinicName
        self.clinicAddressLines = clinicAddressLines
        self.title = title
        self.number = number
        self.dateTime = dateTime
        self.patientName = patientName
        self.patientMRN = patientMRN
        self.takenBy = takenBy
        self.lines = lines
        self.totals = totals
        self.payment = payment
        self.note = note
        self.footer = footer
    }
}

/// One line of a receipt: what, how many, at what price, and the line's amount.
public struct ReceiptLine: Sendable, Hashable {
    public var description: String
    public var detail: String?
    public var quantity: String
    public var unitPrice: String
    public var tax: String
    public var amount: String

    public init(description: String, detail: String? = nil, quantity: String, unitPrice: String, tax: String, amount: String) {
        self.description = description
        self.detail = detail
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.tax = tax
        self.amount = amount
    }
}

/// The day-end cash-up sheet: totals by method, expected against counted cash.
public struct CashUpContent: Sendable, Hashable {
    public var clinicName: String
    public var title: String
    public var fields: [LabeledValue]
    /// Method, entries, received, given back, net.
    public var methods: [[String]]
    public var counts: [[String]]
    public var footer: String

    public init(clinicName: String, title: String, fields: [LabeledValue], methods: [[String]], counts: [[String]], footer: String) {
        self.clinicName = clinicName
        self.title = title
        self.fields = fields
        self.methods = methods
        self.counts = counts
        self.footer = footer
    }
}
