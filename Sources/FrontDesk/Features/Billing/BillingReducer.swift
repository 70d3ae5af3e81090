public import ClinicCore
import Foundation
import TerminalKit

/// Billing at the desk: the day's visits to invoice and the day's invoices; an invoice with its
/// charges (from the price list), discounts, cancellations and payments by cash, card, UPI,
/// insurance or other; refunds and voids as new entries; receipts; the price list; the cash-up.
public enum BillingFeature {
    /// What a commit elsewhere must change for this feature to reread.
    static let reads: Set<ClinicDataKind> = [.billing, .visits]

    public typealias Outcome = FrontDesk.Outcome<BillingAction, BillingEffect, BillingDelegate, BillingModal>
    public typealias Context = FeatureContext<BillingModal>

    /// The keymap contexts: the day list, an invoice, the price list, the cash-up.
    public static let context = "billing"
    public static let invoiceContext = "invoice"
    public static let pricesContext = "prices"
    public static let cashUpContext = "cashup"

    public static func reduce(_ state: inout BillingState, _ action: BillingAction, _ context: Context) -> Outcome {
        let session = context.session
        switch action {
        case .open:
            guard !state.isOpen else { return .none }
            if let refusal = session.refusal(.takePayments) { return .refusal(refusal) }
            state = state.cleared
            state.isOpen = true
            return Outcome(effects: [.loadDay(session.today), .loadPrices(includingRetired: false)], modals: [.push(.day)])
        case .close:
            state = state.cleared
            return .modal(.pop)
        case .refresh:
            var effects: [BillingEffect] = []
            if state.isOpen { effects.append(.loadDay(session.today)) }
            if let id = state.invoice?.invoiceID { effects.append(.loadInvoice(id)) }
            if state.showsPrices || state.invoice != nil { effects.append(.loadPrices(includingRetired: state.showsPrices)) }
            if state.showsCashUp { effects.append(cashUpRead(state, session)) }
            return Outcome(effects: effects)
        case let .dayLoaded(listings):
            guard state.isOpen else { return .none }
            let selectedID = selected(state)?.id
            state.day = listings
            ListBehaviour.reload(&state.list, selected: selectedID, ids: listings.map(\.id)) { searchTexts(listings) }
            return .none
        case let .move(move):
            return moved(&state, move, context.modal)
        case let .filter(command):
            let rows = state.rows
            ListBehaviour.filter(&state.list, command, count: rows.count) { searchTexts(rows) }
            return .none
        case let .filterTyped(edit):
            let rows = state.rows
            ListBehaviour.editFilter(&state.list, edit, count: rows.count) { searchTexts(rows) }
            return .none
        case .openSelected:
            guard let listing = selected(state) else { return .none }
            if let summary = listing.summary {
                state.invoice = InvoiceScreen(invoiceID: summary.invoice.id, listing: listing)
                state.invoice?.list.selected = 0
                return Outcome(effects: [.loadInvoice(summary.invoice.id)], modals: [.push(.invoice)])
            }
            return reduce(&state, .openInvoice(BillingTarget(patientID: listing.patientID, patientName: listing.patientName,
                                                             visitID: listing.visit?.id)), context)
        case let .openInvoice(target):
            guard let user = session.user else { return .none }
            if let refusal = session.refusal(.addCharges) { return .refusal(refusal) }
            if state.invoice != nil { return .refusal("Close the invoice on screen first (esc).") }
            state.invoice = InvoiceScreen(invoiceID: nil)
            return Outcome(effects: [.open(target, state.currency, user), .loadPrices(includingRetired: false)],
                           modals: [.push(.invoice)])
        case let .invoiceLoaded(listing):
            guard state.invoice != nil, let summary = listing.summary else { return .none }
            let selectedRow = selectedInvoiceRow(state)
            state.invoice?.invoiceID = summary.invoice.id
            state.invoice?.listing = listing
            let rows = state.invoice?.rows ?? []
            let ids = rows.map(rowID)
            ListBehaviour.reload(&state.invoice!.list, selected: selectedRow.map(rowID), ids: ids) { ids }
            if state.invoice?.list.selected == nil, !rows.isEmpty { state.invoice?.list.selected = 0 }
            return .none
        case .closeInvoice:
            state.invoice = nil
            return Outcome(effects: state.isOpen ? [.loadDay(session.today)] : [], modals: [.pop])
        case .addCharge:
            let items = (state.prices ?? []).filter(\.isActive)
            guard !items.isEmpty else {
                return .refusal(state.prices == nil ? "The price list is still loading."
                                : "The price list is empty; an admin adds services with g b, then l.")
            }
            return .modal(.push(.charge(ChoiceDialog(
                title: "Add a charge", message: "Charged at today's price; a later price change does not alter it.",
                options: items.map { ChoiceDialog.Option("\($0.code)  \($0.name)", detail: priceWords($0, state.currency)) },
                selected: 0))))
        case .discount:
            guard case let .charge(charge)? = selectedInvoiceRow(state) else { return .none }
            return .modal(.push(.discount(charge.line.id, FormDialog(
                title: "Discount on \(charge.line.name)",
                intro: "Taken off before tax; up to \(state.currency.format(charge.net)). The reason is kept with the invoice.",
                fields: [FormField("Amount", placeholder: "e.g. 100 or 10%", isRequired: true),
                         FormField("Reason", placeholder: "e.g. staff family, senior citizen", isRequired: true)]))))
        case .cancelCharge:
            guard case let .charge(charge)? = selectedInvoiceRow(state) else { return .none }
            return .modal(.push(.cancelCharge(charge.line.id, FormDialog(
                title: "Cancel \(charge.line.name)?", intro: "The charge stays on the invoice, struck through, with the reason.",
                fields: [FormField("Reason", placeholder: "e.g. entered twice, not done", isRequired: true)]))))
        case .pay:
            return .modal(.push(.method(ChoiceDialog(
                title: "Take a payment", message: "Owed: \(state.invoice?.summary.map { state.currency.format($0.balance) } ?? "—")",
                options: PaymentMethod.allCases.map { ChoiceDialog.Option($0.description, detail: methodWords($0)) }, selected: 0))))
        case .refund:
            guard case let .payment(payment)? = selectedInvoiceRow(state), let summary = state.invoice?.summary else { return .none }
            return .modal(.push(.refund(payment, FormDialog(
                title: "Refund receipt \(payment.receipt)",
                intro: "Given back by \(payment.method), as it was paid. A new entry with its own receipt; the payment stays.",
                fields: [FormField("Amount", placeholder: "up to \(state.currency.format(summary.refundable(payment)))", isRequired: true),
                         FormField("Reason", placeholder: "e.g. paid twice, service not given", isRequired: true)],
                values: [state.currency.format(summary.refundable(payment)), ""]))))
        case .voidInvoice:
            return .modal(.push(.void(FormDialog(
                title: "Void this invoice?", intro: "Nothing it charged counts any more; the invoice and the reason are kept.",
                fields: [FormField("Reason", placeholder: "e.g. wrong patient, opened twice", isRequired: true)]))))
        case .printReceipt:
            guard case let .payment(payment)? = selectedInvoiceRow(state) else { return .none }
            return .effects(.printReceipt(payment.id))
        case .openPrices:
            state.showsPrices = true
            return Outcome(effects: [.loadPrices(includingRetired: true)], modals: [.push(.prices)])
        case .closePrices:
            state.showsPrices = false
            return Outcome(effects: [.loadPrices(includingRetired: false)], modals: [.pop])
        case let .pricesLoaded(items):
            let selectedID = selectedPrice(state)?.id
            state.prices = items
            ListBehaviour.reload(&state.priceList, selected: selectedID, ids: items.map(\.id)) { items.map(\.code) }
            if state.priceList.selected == nil, !items.isEmpty { state.priceList.selected = 0 }
            return .none
        case .addPrice, .editPrice:
            let item = action == .editPrice ? selectedPrice(state) : nil
            if action == .editPrice, item == nil { return .none }
            return .modal(.push(.price(item?.id, BillingDialogs.priceForm(item, state.currency))))
        case .openCashUp:
            state.showsCashUp = true
            state.cashUp = nil
            return Outcome(effects: [cashUpRead(state, session)], modals: [.push(.cashUp)])
        case .closeCashUp:
            state.showsCashUp = false
            state.cashUp = nil
            return .modal(.pop)
        case .toggleEveryone:
            state.cashUpEveryone.toggle()
            return .effects(cashUpRead(state, session))
        case let .cashUpLoaded(cashUp):
            guard state.showsCashUp else { return .none }
            state.cashUp = cashUp
            return .none
        case .countCash:
            let expected = state.cashUp.map { state.currency.format($0.expectedCash) } ?? "—"
            return .modal(.push(.count(FormDialog(
                title: "Count the drawer", intro: "Cash expected from your takings today: \(expected). A difference needs a note.",
                fields: [FormField("Counted", placeholder: "the cash in the drawer, e.g. 1500", isRequired: true),
                         FormField("Note", placeholder: "why it differs, if it does")]))))
        case .printCashUp:
            return .effects(.printCashUp(session.today, state.cashUpEveryone ? nil : session.user?.username, state.currency))
        case .typed, .form, .choiceMoved, .choiceAnswered:
            return BillingDialogs.reduce(action, &state, context)
        case let .saved(message):
            let closing: Bool = switch context.modal {
            case .day?, .invoice?, .prices?, .cashUp?, nil: false
            default: true
            }
            return Outcome(effects: reloads(state, session), delegates: [.storeWritten], message: StatusMessage(message),
                           modals: closing ? [.pop] : [])
        case let .printed(message):
            return .message(message)
        case let .failed(failure):
            return BillingDialogs.failed(failure, context)
        case .delegate:
            return .none
        }
    }

    /// Moves the selection of the list on top: the price list, the invoice's rows, or the day.
    private static func moved(_ state: inout BillingState, _ move: ListMove, _ modal: BillingModal?) -> Outcome {
        switch modal {
        case .prices?:
            let items = state.prices ?? []
            ListBehaviour.move(&state.priceList, move, count: items.count) { items.map(\.code) }
        case .invoice?:
            guard let ids = state.invoice?.rows.map(rowID) else { return .none }
            ListBehaviour.move(&state.invoice!.list, move, count: ids.count) { ids }
        case .day?:
            let rows = state.rows
            ListBehaviour.move(&state.list, move, count: rows.count) { searchTexts(rows) }
        default:
            break
        }
        return .none
    }

    /// What to read again after a write of this screen's.
    private static func reloads(_ state: BillingState, _ session: Session) -> [BillingEffect] {
        var effects: [BillingEffect] = []
        if let id = state.invoice?.invoiceID { effects.append(.loadInvoice(id)) }
        if state.isOpen { effects.append(.loadDay(session.today)) }
        if state.showsPrices { effects.append(.loadPrices(includingRetired: true)) }
        if state.showsCashUp { effects.append(cashUpRead(state, session)) }
        return effects
    }

    static func cashUpRead(_ state: BillingState, _ session: Session) -> BillingEffect {
        .loadCashUp(session.today, state.cashUpEveryone ? nil : session.user?.username, state.currency)
    }

    /// The selected row of the day list, when the filter keeps it.
    public static func selected(_ state: BillingState) -> BillingListing? {
        let rows = state.rows
        return ListBehaviour.selectedIndex(state.list, count: rows.count) { searchTexts(rows) }.map { rows[$0] }
    }

    public static func selectedInvoiceRow(_ state: BillingState) -> InvoiceRow? {
        guard let invoice = state.invoice else { return nil }
        let rows = invoice.rows
        return ListBehaviour.selectedIndex(invoice.list, count: rows.count) { rows.map(rowID) }.map { rows[$0] }
    }

    public static func selectedPrice(_ state: BillingState) -> PriceItem? {
        let items = state.prices ?? []
        return ListBehaviour.selectedIndex(state.priceList, count: items.count) { items.map(\.code) }.map { items[$0] }
    }

    static func rowID(_ row: InvoiceRow) -> String {
        switch row {
        case let .charge(charge): charge.line.id.description
        case let .payment(payment): payment.id.description
        }
    }

    static func searchTexts(_ rows: [BillingListing]) -> [String] {
        rows.map { "\($0.patientName) \($0.mrn?.description ?? "") \($0.providerName ?? "")" }
    }

    static func priceWords(_ item: PriceItem, _ currency: Currency) -> String {
        "\(item.category) · \(currency.format(item.price))" + (item.taxRate.basisPoints == 0 ? "" : " + \(item.taxRate) tax")
    }

    static func methodWords(_ method: PaymentMethod) -> String {
        switch method {
        case .cash: "amount tendered, change shown"
        case .card: "the card terminal's reference"
        case .upi: "the UPI transaction reference"
        case .insurance: "payer, policy and claim; the payer's share"
        case .other: "any other way, with a reference"
        }
    }
}
