public import ClinicCore
public import TerminalKit

/// What can happen in billing.
public enum BillingAction: Hashable, Sendable {
    case open
    case close
    case refresh
    case move(ListMove)
    case filter(FilterCommand)
    case filterTyped(TextEdit)
    /// The selected row of the day list.
    case openSelected
    /// From the queue or a patient's card.
    case openInvoice(BillingTarget)
    case closeInvoice
    case addCharge
    case discount
    case cancelCharge
    case pay
    case refund
    case voidInvoice
    case printReceipt
    case openPrices
    case closePrices
    case addPrice
    case editPrice
    case openCashUp
    case closeCashUp
    case toggleEveryone
    case countCash
    case printCashUp
    // The dialogs.
    case typed(TextEdit)
    case form(FormCommand)
    case choiceMoved(ListMove)
    case choiceAnswered(DialogCommand)
    // Answers.
    case dayLoaded([BillingListing])
    case invoiceLoaded(BillingListing)
    case pricesLoaded([PriceItem])
    case cashUpLoaded(CashUp)
    case saved(String)
    case printed(String)
    case failed(DeskError)
    case delegate(BillingDelegate)
}

/// What billing tells the root.
public enum BillingDelegate: Hashable, Sendable {
    /// Billing data changed: whatever shows a balance reads again.
    case storeWritten
}
