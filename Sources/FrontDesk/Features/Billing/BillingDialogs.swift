import ClinicCore
import Foundation
import TerminalKit

/// Billing's dialogs: each form read first (amounts in the clinic's currency, no floating
/// point), so bad input is refused by field and nothing is saved; the store checks the rules
/// again inside its write.
enum BillingDialogs {
    typealias Outcome = BillingFeature.Outcome

    static func reduce(_ action: BillingAction, _ state: inout BillingState, _ context: BillingFeature.Context) -> Outcome {
        guard let modal = context.modal, let user = context.session.user else { return .none }
        let currency = state.currency
        switch (action, modal) {
        case (let .choiceMoved(move), .charge(var dialog)):
            dialog.move(move)
            return .modal(.replace(.charge(dialog)))
        case (let .choiceMoved(move), .method(var dialog)):
            dialog.move(move)
            return .modal(.replace(.method(dialog)))
        case (let .choiceAnswered(answer), .charge(let dialog)):
            switch answer {
            case .cancel: return .modal(.pop)
            case .switchButton: return reduce(.choiceMoved(ListMove(.next)), &state, context)
            case .confirm, .yes:
                let items = (state.prices ?? []).filter(\.isActive)
                guard let index = dialog.selected, items.indices.contains(index), let invoice = state.invoice?.invoiceID else {
                    return .none
                }
                return Outcome(effects: [.charge(items[index], invoice, user)], modals: [.pop])
            }
        case (let .choiceAnswered(answer), .method(let dialog)):
            switch answer {
            case .cancel: return .modal(.pop)
            case .switchButton: return reduce(.choiceMoved(ListMove(.next)), &state, context)
            case .confirm, .yes:
                guard let index = dialog.selected, let summary = state.invoice?.summary else { return .none }
                let method = PaymentMethod.allCases[index]
                return .modal(.replace(.payment(method, paymentForm(method, owed: summary.balance, currency))))
            }
        case (let .typed(edit), _):
            return typed(edit, modal, currency)
        case (let .form(command), _):
            switch command {
            case .nextField, .previousField:
                return moved(command, modal)
            case .cancel:
                return .modal(.pop)
            case .save:
                return save(modal, state, user, today: context.session.today)
            }
        default:
            return .none
        }
    }

    /// The form of `modal`, with `change` applied, put back on top.
    private static func replacing(_ modal: BillingModal, _ change: (inout FormDialog) -> Void) -> Outcome {
        switch modal {
        case .payment(let method, var form): change(&form); return .modal(.replace(.payment(method, form)))
        case .discount(let line, var form): change(&form); return .modal(.replace(.discount(line, form)))
        case .cancelCharge(let line, var form): change(&form); return .modal(.replace(.cancelCharge(line, form)))
        case .refund(let payment, var form): change(&form); return .modal(.replace(.refund(payment, form)))
        case var .void(form): change(&form); return .modal(.replace(.void(form)))
        case .price(let id, var form): change(&form); return .modal(.replace(.price(id, form)))
        case var .count(form): change(&form); return .modal(.replace(.count(form)))
        case .day, .invoice, .prices, .cashUp, .charge, .method: return .none
        }
    }

    private static func form(of modal: BillingModal) -> FormDialog? {
        switch modal {
        case let .payment(_, form), let .discount(_, form), let .cancelCharge(_, form), let .refund(_, form), let .void(form),
             let .price(_, form), let .count(form):
            form
        case .day, .invoice, .prices, .cashUp, .charge, .method: nil
        }
    }

    private static func typed(_ edit: TextEdit, _ modal: BillingModal, _ currency: Currency) -> Outcome {
        replacing(modal) { form in
            form.apply(edit)
            if case let .payment(.cash, _) = modal { form.intro = cashIntro(form, currency) }
        }
    }

    private static func moved(_ command: FormCommand, _ modal: BillingModal) -> Outcome {
        replacing(modal) { $0.move(command) }
    }

    // MARK: - Saving

    private static func save(_ modal: BillingModal, _ state: BillingState, _ user: User, today: CalendarDate) -> Outcome {
        guard let form = form(of: modal), !form.isSaving else { return .none }
        let currency = state.currency
        let invoice = state.invoice?.invoiceID
        let read: Result<BillingEffect, FieldProblems>
        switch modal {
        case let .payment(method, form):
            read = readPayment(method, form, currency).map { .pay($0, invoice!, user) }
        case let .discount(line, form):
            let charge = state.invoice?.summary?.charges.first { $0.line.id == line }
            read = readDiscount(form, net: charge?.net ?? .zero, currency).map { .discount(line, $0.0, $0.1, invoice!, user) }
        case let .cancelCharge(line, form):
            read = readReason(form, index: 0, what: "cancellation").map { .cancelCharge(line, $0, invoice!, user) }
        case let .refund(payment, form):
            read = readRefund(form, currency).map { .refund(payment.id, $0.0, $0.1, user) }
        case let .void(form):
            read = readReason(form, index: 0, what: "void").map { .voidInvoice(invoice!, $0, user) }
        case let .price(id, form):
            read = readPrice(form, currency).map { .savePrice($0, id, user) }
        case let .count(form):
            read = readCount(form, currency).map { .countCash(today, $0.0, $0.1, currency, user) }
        case .day, .invoice, .prices, .cashUp, .charge, .method:
            return .none
        }
        switch read {
        case let .success(effect):
            return Outcome(effects: [effect]) + replacing(modal) { $0.isSaving = true }
        case let .failure(problems):
            return Outcome(message: .error("Not saved: \(problems.count == 1 ? "one field needs" : "\(problems.count) fields need") attention."))
                + replacing(modal) { $0.show(problems.byField) }
        }
    }

    /// A write the store refused: the form stays open to try again; the message says why.
    static func failed(_ failure: DeskError, _ context: BillingFeature.Context) -> Outcome {
        if let modal = context.modal, let form = form(of: modal), form.isSaving {
            return Outcome(message: .error("Not saved: \(failure.description)")) + replacing(modal) { $0.isSaving = false }
        }
        return .refusal("Not done: \(failure.description)")
    }

    // MARK: - Forms

    static func paymentForm(_ method: PaymentMethod, owed: Money, _ currency: Currency) -> FormDialog {
        let amount = currency.format(owed)
        var fields = [FormField(method == .insurance ? "Payer's share" : "Amount", placeholder: "up to \(amount)", isRequired: true)]
        var values = [amount]
        switch method {
        case .cash:
            fields.append(FormField("Tendered", placeholder: "cash handed over, if more (the change is shown)"))
        case .card, .upi, .other:
            fields.append(FormField(method.referenceLabel, placeholder: method == .other ? "e.g. cheque 001234" : "as printed on the slip",
                                    isRequired: method != .other))
        case .insurance:
            fields += [FormField("Payer", placeholder: "the insurer or scheme", isRequired: true),
                       FormField("Policy number", isRequired: true),
                       FormField("Claim reference", isRequired: true)]
        }
        values += Array(repeating: "", count: fields.count - 1)
        var form = FormDialog(title: "Payment by \(method)", intro: "Owed: \(amount)", fields: fields, values: values)
        if method == .cash { form.intro = cashIntro(form, currency) }
        if method == .insurance { form.intro = "Owed: \(amount). The payer's share is taken now; the patient pays the rest by another method." }
        return form
    }

    /// The cash form's line: what is owed, and the change to give as the tendered amount is typed.
    static func cashIntro(_ form: FormDialog, _ currency: Currency) -> String {
        let amount = currency.parse(form.text(0))
        let tendered = currency.parse(form.text(1))
        guard let amount else { return "Type the amount to pay." }
        guard let tendered, !form.text(1).trimmingCharacters(in: .whitespaces).isEmpty else {
            return "Paying \(currency.format(amount)) in cash; type what was handed over to see the change."
        }
        guard tendered >= amount else { return "Tendered \(currency.format(tendered)) is less than \(currency.format(amount))." }
        return "Change to give: \(currency.format(tendered - amount))"
    }

    /// Why a typed amount is not one.
    struct AmountProblem: Error {
        var message: String
    }

    static func amount(_ text: String, _ currency: Currency, field: String) -> Result<Money, AmountProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .failure(AmountProblem(message: "Type the \(field).")) }
        guard let money = currency.parse(trimmed) else {
            return .failure(AmountProblem(message: "“\(trimmed)” is not an amount in \(currency); type e.g. 250 or 250.50."))
        }
        guard money.minor > 0 else { return .failure(AmountProblem(message: "The \(field) is more than nothing.")) }
        return .success(money)
    }

    static func readPayment(_ method: PaymentMethod, _ form: FormDialog, _ currency: Currency) -> Result<PaymentDraft, FieldProblems> {
        var errors: [Int: String] = [:]
        var draft = PaymentDraft(method: method, amount: .zero)
        switch amount(form.text(0), currency, field: "amount") {
        case let .success(money): draft.amount = money
        case let .failure(problem): errors[0] = problem.message
        }
        let text = { (index: Int) in form.text(index).trimmingCharacters(in: .whitespaces) }
        switch method {
        case .cash:
            if !text(1).isEmpty {
                switch amount(text(1), currency, field: "amount tendered") {
                case let .success(money):
                    if money < draft.amount, errors[0] == nil { errors[1] = "Less than the \(currency.format(draft.amount)) to pay." }
                    draft.tendered = money
                case let .failure(problem): errors[1] = problem.message
                }
            }
        case .card, .upi:
            draft.reference = text(1)
            if draft.reference.isEmpty { errors[1] = "Type the \(method.referenceLabel.lowercased())." }
        case .other:
            draft.reference = text(1)
        case .insurance:
            draft.payer = text(1)
            draft.policyNumber = text(2)
            draft.reference = text(3)
            for (index, word) in [(1, "payer"), (2, "policy number"), (3, "claim reference")] where text(index).isEmpty {
                errors[index] = "Type the \(word)."
            }
        }
        return errors.isEmpty ? .success(draft) : .failure(FieldProblems(errors))
    }

    /// A discount typed as an amount or a percentage of what is left on the charge.
    static func readDiscount(_ form: FormDialog, net: Money, _ currency: Currency) -> Result<(Money, String), FieldProblems> {
        var errors: [Int: String] = [:]
        let text = form.text(0).trimmingCharacters(in: .whitespaces)
        var discount = Money.zero
        if text.hasSuffix("%") {
            if let rate = Rate(text: text), rate.basisPoints > 0 { discount = rate.of(net) } else {
                errors[0] = "“\(text)” is not a percentage from 0.01% to 100%."
            }
        } else {
            switch amount(text, currency, field: "discount") {
            case let .success(money): discount = money
            case let .failure(problem): errors[0] = problem.message
            }
        }
        if errors[0] == nil, discount > net { errors[0] = "More than the \(currency.format(net)) left on the charge." }
        let reason = form.text(1).trimmingCharacters(in: .whitespaces)
        if reason.isEmpty { errors[1] = "Give a reason for the discount." }
        return errors.isEmpty ? .success((discount, reason)) : .failure(FieldProblems(errors))
    }

    static func readReason(_ form: FormDialog, index: Int, what: String) -> Result<String, FieldProblems> {
        let reason = form.text(index).trimmingCharacters(in: .whitespaces)
        return reason.isEmpty ? .failure(FieldProblems([index: "Give a reason for the \(what)."])) : .success(reason)
    }

    static func readRefund(_ form: FormDialog, _ currency: Currency) -> Result<(Money, String), FieldProblems> {
        var errors: [Int: String] = [:]
        var refund = Money.zero
        switch amount(form.text(0), currency, field: "refund") {
        case let .success(money): refund = money
        case let .failure(problem): errors[0] = problem.message
        }
        let reason = form.text(1).trimmingCharacters(in: .whitespaces)
        if reason.isEmpty { errors[1] = "Give a reason for the refund." }
        return errors.isEmpty ? .success((refund, reason)) : .failure(FieldProblems(errors))
    }

    static func priceForm(_ item: PriceItem?, _ currency: Currency) -> FormDialog {
        FormDialog(
            title: item.map { "Change \($0.code)" } ?? "Add to the price list",
            intro: "A change applies to new charges only; invoices keep the price they were charged.",
            fields: [FormField("Code", placeholder: "e.g. CONS-NEW, DRESS", isRequired: true),
                     FormField("Name", placeholder: "as printed on receipts", isRequired: true),
                     FormField("Group", placeholder: "consultation, procedure, lab or other", isRequired: true),
                     FormField("Price", placeholder: "e.g. 500 (\(currency))", isRequired: true),
                     FormField("Tax %", placeholder: "e.g. 0, 5, 18"),
                     FormField("In use", placeholder: "yes, or no to retire it")],
            values: item.map { [$0.code, $0.name, $0.category.rawValue, currency.format($0.price),
                                $0.taxRate.description.replacingOccurrences(of: "%", with: ""), $0.isActive ? "yes" : "no"] }
                ?? ["", "", "", "", "0", "yes"])
    }

    static func readPrice(_ form: FormDialog, _ currency: Currency) -> Result<PriceItemDraft, FieldProblems> {
        var errors: [Int: String] = [:]
        let text = { (index: Int) in form.text(index).trimmingCharacters(in: .whitespaces) }
        let code = PriceItem.normalizedCode(text(0))
        if code == nil { errors[0] = "1 to 12 letters, digits or dashes (e.g. CONS-NEW)." }
        if text(1).isEmpty { errors[1] = "Type the name printed on receipts." }
        let category = ChargeCategory(typed: text(2))
        if category == nil { errors[2] = "“\(text(2))” is not a group; type consultation, procedure, lab or other." }
        let price = currency.parse(text(3))
        if price == nil { errors[3] = "“\(text(3))” is not a price in \(currency); type e.g. 500 or 499.50." }
        let rate = Rate(text: text(4).isEmpty ? "0" : text(4))
        if rate == nil { errors[4] = "“\(text(4))” is not a tax rate from 0 to 100." }
        let active: Bool? = switch text(5).lowercased() {
        case "", "y", "yes": true
        case "n", "no": false
        default: nil
        }
        if active == nil { errors[5] = "Type yes or no." }
        guard errors.isEmpty, let code, let category, let price, let rate, let active else { return .failure(FieldProblems(errors)) }
        return .success(PriceItemDraft(code: code, name: text(1), category: category, price: price, taxRate: rate, isActive: active))
    }

    static func readCount(_ form: FormDialog, _ currency: Currency) -> Result<(Money, String), FieldProblems> {
        let text = form.text(0).trimmingCharacters(in: .whitespaces)
        guard let counted = currency.parse(text) else {
            return .failure(FieldProblems([0: text.isEmpty ? "Type the cash counted (0 if none)." : "“\(text)” is not an amount in \(currency)."]))
        }
        return .success((counted, form.text(1).trimmingCharacters(in: .whitespaces)))
    }
}
