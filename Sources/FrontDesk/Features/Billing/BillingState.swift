public import ClinicCore
public import TerminalKit

/// Billing at the desk: the day's visits to invoice and invoices, one invoice open with its
/// charges and payments, the price list and the cash-up, as last read.
public struct BillingState: Hashable, Sendable {
    /// The clinic's currency (from the configuration): what amounts are typed and shown in.
    public var currency: Currency
    /// Whether the day list is open (it reads again when billing data changes only then).
    public var isOpen = false
    /// Nil until the first read answers.
    public var day: [BillingListing]?
    public var list = ListState()
    /// The invoice on screen, when one is.
    public var invoice: InvoiceScreen?
    /// The price list (for charging, and its own screen), nil until read.
    public var prices: [PriceItem]?
    public var priceList = ListState()
    public var showsPrices = false
    /// The cash-up on screen, when it is open; `everyone` shows the whole till rather than the user's own.
    public var cashUp: CashUp?
    public var showsCashUp = false
    public var cashUpEveryone = false

    public init(currency: Currency = .rupee) {
        self.currency = currency
    }

    /// Closed again, keeping only the configuration.
    public var cleared: BillingState { BillingState(currency: currency) }

    public var rows: [BillingListing] { day ?? [] }
}

/// One invoice on screen: who it is for and its rows (charges, then payments).
public struct InvoiceScreen: Hashable, Sendable {
    public var invoiceID: EntityID<Invoice>?
    public var listing: BillingListing?
    public var list = ListState()

    public init(invoiceID: EntityID<Invoice>?, listing: BillingListing? = nil) {
        self.invoiceID = invoiceID
        self.listing = listing
    }

    public var summary: InvoiceSummary? { listing?.summary }

    /// What the screen lists, and the keys act on: each charge, then each payment or refund.
    public var rows: [InvoiceRow] {
        guard let summary else { return [] }
        return summary.charges.map(InvoiceRow.charge) + summary.payments.map(InvoiceRow.payment)
    }
}

public enum InvoiceRow: Hashable, Sendable {
    case charge(InvoiceSummary.Charge)
    case payment(Payment)
}

/// Who an invoice is opened for: a visit (its consultation is charged), or a patient at the desk.
public struct BillingTarget: Hashable, Sendable {
    public var patientID: EntityID<Patient>
    public var patientName: String
    public var visitID: EntityID<Visit>?

    public init(patientID: EntityID<Patient>, patientName: String, visitID: EntityID<Visit>?) {
        self.patientID = patientID
        self.patientName = patientName
        self.visitID = visitID
    }
}

/// The billing screens and their dialogs, on the one modal stack.
public enum BillingModal: Hashable, Sendable {
    case day
    case invoice
    case prices
    case cashUp
    /// A service to charge, from the price list.
    case charge(ChoiceDialog)
    /// How the patient pays.
    case method(ChoiceDialog)
    /// The payment's amount and references, by method.
    case payment(PaymentMethod, FormDialog)
    case discount(EntityID<InvoiceLine>, FormDialog)
    case cancelCharge(EntityID<InvoiceLine>, FormDialog)
    case refund(Payment, FormDialog)
    case void(FormDialog)
    /// A new price-list entry, or a change to one.
    case price(EntityID<PriceItem>?, FormDialog)
    /// The drawer counted.
    case count(FormDialog)
}
