public import ClinicCore

/// Work billing asks for; every write is checked again by the store against the user's role.
public enum BillingEffect: IdentifiedEffect {
    case loadDay(CalendarDate)
    case loadInvoice(EntityID<Invoice>)
    case loadPrices(includingRetired: Bool)
    case loadCashUp(CalendarDate, String?, Currency)
    case open(BillingTarget, Currency, User)
    case charge(PriceItem, EntityID<Invoice>, User)
    case discount(EntityID<InvoiceLine>, Money, String, EntityID<Invoice>, User)
    case cancelCharge(EntityID<InvoiceLine>, String, EntityID<Invoice>, User)
    case voidInvoice(EntityID<Invoice>, String, User)
    case pay(PaymentDraft, EntityID<Invoice>, User)
    case refund(EntityID<Payment>, Money, String, User)
    case printReceipt(EntityID<Payment>)
    case savePrice(PriceItemDraft, EntityID<PriceItem>?, User)
    case countCash(CalendarDate, Money, String, Currency, User)
    case printCashUp(CalendarDate, String?, Currency)

    public var id: EffectID? {
        switch self {
        case .loadDay: "billing.day"
        case .loadInvoice: "billing.invoice"
        case .loadPrices: "billing.prices"
        case .loadCashUp: "billing.cash-up"
        default: nil
        }
    }

    /// A short name for the log (no names or amounts).
    var logName: String {
        switch self {
        case .loadDay: "reading the day's billing"
        case .loadInvoice, .open: "reading an invoice"
        case .loadPrices: "reading the price list"
        case .loadCashUp: "reading the cash-up"
        case .charge: "adding a charge"
        case .discount: "giving a discount"
        case .cancelCharge: "cancelling a charge"
        case .voidInvoice: "voiding an invoice"
        case .pay: "taking a payment"
        case .refund: "refunding a payment"
        case .printReceipt: "printing a receipt"
        case .savePrice: "saving a price"
        case .countCash: "recording a cash count"
        case .printCashUp: "printing the cash-up"
        }
    }

    func run(_ client: BillingClient, log: @Sendable (String) -> Void) async -> [BillingAction] {
        do {
            switch self {
            case let .loadDay(day):
                return [.dayLoaded(try await client.day(day))]
            case let .loadInvoice(id):
                return [.invoiceLoaded(try await client.invoice(id))]
            case let .loadPrices(retired):
                return [.pricesLoaded(try await client.prices(retired))]
            case let .loadCashUp(day, user, currency):
                return [.cashUpLoaded(try await client.cashUp(day, user, currency))]
            case let .open(target, currency, user):
                return [.invoiceLoaded(try await client.open(target, currency, user))]
            case let .charge(item, invoice, user):
                try await client.charge(item.id, invoice, user)
                return [.saved("Charged \(item.code) \(item.name).")]
            case let .discount(line, amount, reason, invoice, user):
                try await client.discount(line, amount, reason, invoice, user)
                return [.saved("Discount given: \(reason).")]
            case let .cancelCharge(line, reason, invoice, user):
                try await client.cancelCharge(line, reason, invoice, user)
                return [.saved("Charge cancelled: \(reason).")]
            case let .voidInvoice(invoice, reason, user):
                try await client.voidInvoice(invoice, reason, user)
                return [.saved("Invoice voided: \(reason).")]
            case let .pay(draft, invoice, user):
                return [.saved(try await client.pay(draft, invoice, user))]
            case let .refund(payment, amount, reason, user):
                return [.saved(try await client.refund(payment, amount, reason, user))]
            case let .printReceipt(payment):
                return [.printed(try await client.printReceipt(payment))]
            case let .savePrice(draft, id, user):
                let item = try await client.savePrice(draft, id, user)
                return [.saved(id == nil ? "Added \(item.code) to the price list." : "Saved \(item.code); new charges use it.")]
            case let .countCash(day, counted, note, currency, user):
                let count = try await client.countCash(day, counted, note, currency, user)
                return [.saved("Counted \(currency.format(count.counted)): \(CashUpWords.difference(count.difference, currency: currency)).")]
            case let .printCashUp(day, user, currency):
                return [.printed(try await client.printCashUp(day, user, currency))]
            }
        } catch is CancellationError {
            return []
        } catch {
            log("billing: \(logName) failed: \(error)")
            return [.failed(DeskError.from(error))]
        }
    }
}

/// What billing needs from the world. Payments and refunds answer with the status line's
/// sentence (amount, change, receipt number and where the receipt went).
public struct BillingClient: Sendable {
    public var day: @Sendable (CalendarDate) async throws -> [BillingListing]
    public var invoice: @Sendable (EntityID<Invoice>) async throws -> BillingListing
    public var open: @Sendable (BillingTarget, Currency, User) async throws -> BillingListing
    public var prices: @Sendable (Bool) async throws -> [PriceItem]
    public var cashUp: @Sendable (CalendarDate, String?, Currency) async throws -> CashUp
    public var charge: @Sendable (EntityID<PriceItem>, EntityID<Invoice>, User) async throws -> Void
    public var discount: @Sendable (EntityID<InvoiceLine>, Money, String, EntityID<Invoice>, User) async throws -> Void
    public var cancelCharge: @Sendable (EntityID<InvoiceLine>, String, EntityID<Invoice>, User) async throws -> Void
    public var voidInvoice: @Sendable (EntityID<Invoice>, String, User) async throws -> Void
    public var pay: @Sendable (PaymentDraft, EntityID<Invoice>, User) async throws -> String
    public var refund: @Sendable (EntityID<Payment>, Money, String, User) async throws -> String
    public var printReceipt: @Sendable (EntityID<Payment>) async throws -> String
    public var savePrice: @Sendable (PriceItemDraft, EntityID<PriceItem>?, User) async throws -> PriceItem
    public var countCash: @Sendable (CalendarDate, Money, String, Currency, User) async throws -> CashCount
    public var printCashUp: @Sendable (CalendarDate, String?, Currency) async throws -> String

    public init(
        day: @escaping @Sendable (CalendarDate) async throws -> [BillingListing],
        invoice: @escaping @Sendable (EntityID<Invoice>) async throws -> BillingListing,
        open: @escaping @Sendable (BillingTarget, Currency, User) async throws -> BillingListing,
        prices: @escaping @Sendable (Bool) async throws -> [PriceItem],
        cashUp: @escaping @Sendable (CalendarDate, String?, Currency) async throws -> CashUp,
        charge: @escaping @Sendable (EntityID<PriceItem>, EntityID<Invoice>, User) async throws -> Void,
        discount: @escaping @Sendable (EntityID<InvoiceLine>, Money, String, EntityID<Invoice>, User) async throws -> Void,
        cancelCharge: @escaping @Sendable (EntityID<InvoiceLine>, String, EntityID<Invoice>, User) async throws -> Void,
        voidInvoice: @escaping @Sendable (EntityID<Invoice>, String, User) async throws -> Void,
        pay: @escaping @Sendable (PaymentDraft, EntityID<Invoice>, User) async throws -> String,
        refund: @escaping @Sendable (EntityID<Payment>, Money, String, User) async throws -> String,
        printReceipt: @escaping @Sendable (EntityID<Payment>) async throws -> String,
        savePrice: @escaping @Sendable (PriceItemDraft, EntityID<PriceItem>?, User) async throws -> PriceItem,
        countCash: @escaping @Sendable (CalendarDate, Money, String, Currency, User) async throws -> CashCount,
        printCashUp: @escaping @Sendable (CalendarDate, String?, Currency) async throws -> String
    ) {
        self.day = day
        self.invoice = invoice
        self.open = open
        self.prices = prices
        self.cashUp = cashUp
        self.charge = charge
        self.discount = discount
        self.cancelCharge = cancelCharge
        self.voidInvoice = voidInvoice
        self.pay = pay
        self.refund = refund
        self.printReceipt = printReceipt
        self.savePrice = savePrice
        self.countCash = countCash
        self.printCashUp = printCashUp
    }
}
