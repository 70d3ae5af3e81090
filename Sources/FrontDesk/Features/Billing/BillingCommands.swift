import ClinicCore
import TerminalKit

extension BillingFeature {
    public static let contexts: Set<String> = [context, invoiceContext, pricesContext, cashUpContext]

    public static let commands: [CommandSpec<BillingState, BillingAction>] = [
        CommandSpec("billing.open", "Billing: today's visits to invoice, invoices, payments and the cash-up", contexts: [KeymapContext.global],
                    action: .open, disabledReason: { _, session in session.refusal(.takePayments) }),
        CommandSpec("billing.invoice", "Open the selected invoice (a visit not invoiced yet gets one)", contexts: [context],
                    action: .openSelected, disabledReason: { state, _ in needListing(state) }),
        CommandSpec("billing.prices", "The price list: services, prices and tax", contexts: [context], action: .openPrices),
        CommandSpec("billing.cash-up", "Cash-up: today's takings by method and the drawer count", contexts: [context],
                    action: .openCashUp),
        CommandSpec("billing.close", "Close billing", contexts: [context], action: .close),
        CommandSpec("invoice.charge", "Add a charge from the price list", contexts: [invoiceContext], action: .addCharge,
                    disabledReason: { state, session in session.refusal(.addCharges) ?? needInvoice(state) ?? isVoid(state) }),
        CommandSpec("invoice.discount", "Discount the selected charge, with a reason (admin)", contexts: [invoiceContext],
                    action: .discount, disabledReason: { state, session in
                        session.refusal(.adjustBills) ?? needInvoice(state) ?? isVoid(state) ?? needCharge(state)
                    }),
        CommandSpec("invoice.cancel", "Cancel the selected charge, with a reason (admin once paid)", contexts: [invoiceContext],
                    action: .cancelCharge, disabledReason: { state, session in
                        session.refusal(.addCharges) ?? needInvoice(state) ?? isVoid(state) ?? needCharge(state)
                            ?? (state.invoice?.summary?.payments.isEmpty == false ? session.refusal(.adjustBills) : nil)
                    }),
        CommandSpec("invoice.pay", "Take a payment: cash, card, UPI, insurance or other", contexts: [invoiceContext],
                    action: .pay, disabledReason: { state, session in
                        session.refusal(.takePayments) ?? needInvoice(state) ?? isVoid(state)
                            ?? ((state.invoice?.summary?.balance.minor ?? 0) > 0 ? nil : "Nothing is owed on this invoice.")
                    }),
        CommandSpec("invoice.refund", "Refund the selected payment, with a reason (admin)", contexts: [invoiceContext],
                    action: .refund, disabledReason: { state, session in
                        session.refusal(.adjustBills) ?? needInvoice(state) ?? needRefundable(state)
                    }),
        CommandSpec("invoice.void", "Void the whole invoice, with a reason (admin; refund payments first)", contexts: [invoiceContext],
                    action: .voidInvoice, disabledReason: { state, session in
                        session.refusal(.adjustBills) ?? needInvoice(state) ?? isVoid(state)
                            ?? (state.invoice?.summary?.paid.isZero == false
                                ? "Refund the payments first: \(state.currency.format(state.invoice!.summary!.paid)) is paid." : nil)
                    }),
        CommandSpec("invoice.receipt", "Print the selected payment's receipt again", contexts: [invoiceContext],
                    action: .printReceipt, disabledReason: { state, _ in
                        needInvoice(state) ?? (selectedPayment(state) == nil ? "Select a payment to print its receipt." : nil)
                    }),
        CommandSpec("invoice.close", "Close the invoice", contexts: [invoiceContext], action: .closeInvoice),
        CommandSpec("prices.add", "Add a service to the price list (admin)", contexts: [pricesContext], action: .addPrice,
                    disabledReason: { _, session in session.refusal(.managePrices) }),
        CommandSpec("prices.edit", "Change the selected service's name, price, tax or use (admin)", contexts: [pricesContext],
                    action: .editPrice, disabledReason: { state, session in
                        session.refusal(.managePrices) ?? (selectedPrice(state) == nil ? "Select a service first." : nil)
                    }),
        CommandSpec("prices.close", "Close the price list", contexts: [pricesContext], action: .closePrices),
        CommandSpec("cashup.count", "Count the drawer: the cash counted against the cash expected", contexts: [cashUpContext],
                    action: .countCash, disabledReason: { state, session in
                        session.refusal(.takePayments) ?? (state.cashUp == nil ? "The cash-up is still loading." : nil)
                            ?? (state.cashUpEveryone ? "Count your own drawer: show your takings first (m)." : nil)
                    }),
        CommandSpec("cashup.everyone", "Show everyone's takings at this till, or only yours (admin)", contexts: [cashUpContext],
                    action: .toggleEveryone, disabledReason: { _, session in session.refusal(.adjustBills) }),
        CommandSpec("cashup.print", "Print the cash-up sheet", contexts: [cashUpContext], action: .printCashUp,
                    disabledReason: { state, _ in state.cashUp == nil ? "The cash-up is still loading." : nil }),
        CommandSpec("cashup.close", "Close the cash-up", contexts: [cashUpContext], action: .closeCashUp),
    ]

    static func needListing(_ state: BillingState) -> String? {
        guard state.day != nil else { return "The day's billing is still loading." }
        return selected(state) == nil ? "Select a visit or an invoice first." : nil
    }

    static func needInvoice(_ state: BillingState) -> String? {
        state.invoice?.summary == nil ? "The invoice is still loading." : nil
    }

    static func isVoid(_ state: BillingState) -> String? {
        state.invoice?.summary?.isVoid == true ? "This invoice is void." : nil
    }

    static func needCharge(_ state: BillingState) -> String? {
        guard case let .charge(charge)? = selectedInvoiceRow(state) else { return "Select a charge first." }
        return charge.isCancelled ? "“\(charge.line.name)” was cancelled already." : nil
    }

    static func selectedPayment(_ state: BillingState) -> Payment? {
        guard case let .payment(payment)? = selectedInvoiceRow(state) else { return nil }
        return payment
    }

    static func needRefundable(_ state: BillingState) -> String? {
        guard let payment = selectedPayment(state), let summary = state.invoice?.summary else { return "Select a payment first." }
        guard payment.kind == .payment else { return "Receipt \(payment.receipt) is itself a refund." }
        return summary.refundable(payment).isZero ? "Receipt \(payment.receipt) has been given back in full already." : nil
    }

    /// Where keys go while a billing screen or one of its dialogs is on top.
    public static func input(modal: BillingModal, _ state: BillingState) -> InputLayer<BillingAction> {
        let routed: @Sendable (RoutedCommand) -> BillingAction? = {
            ListBehaviour.routed($0, move: BillingAction.move, filter: BillingAction.filter)
        }
        // The invoice and the price list are short: their keys move, they have no filter.
        let moves: @Sendable (RoutedCommand) -> BillingAction? = {
            if case let .list(move) = $0 { return .move(move) }
            return nil
        }
        switch modal {
        case .day:
            let editing = state.list.filter.isEditing
            return InputLayer(contexts: editing ? [FrontDeskContexts.filter, context] : [context],
                              text: editing ? BillingAction.filterTyped : nil, routed: routed)
        case .invoice: return InputLayer(contexts: [invoiceContext], routed: moves)
        case .prices: return InputLayer(contexts: [pricesContext], routed: moves)
        case .cashUp: return InputLayer(contexts: [cashUpContext])
        case .charge, .method:
            return ChoiceDialog.input(moved: BillingAction.choiceMoved, answered: BillingAction.choiceAnswered)
        case .payment, .discount, .cancelCharge, .refund, .void, .price, .count:
            return FormDialog.input(typed: BillingAction.typed, form: BillingAction.form)
        }
    }
}
