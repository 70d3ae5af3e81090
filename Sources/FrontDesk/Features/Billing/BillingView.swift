import ClinicCore
import Foundation
public import TerminalKit

/// The day at the desk over the whole screen: visits to invoice (finished first), then the
/// day's invoices with what each patient owes.
public enum BillingView {
    public static func render(_ state: BillingState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        buffer.render(Clear(scope: .dialog), in: area)
        let footer = context.hints.line([
            ("billing.invoice", "open"), ("billing.cash-up", "cash-up"), ("billing.prices", "prices"), ("billing.close", "close"),
        ])
        let block = Block(title: title(state), footer: footer, isFocused: context.isFocused, fill: .dialog, titleScope: .dialogTitle)
        buffer.render(block, in: area)
        let inner = block.inner(area).inset(horizontal: 1)
        guard !inner.isEmpty else { return }
        guard state.day != nil else {
            buffer.write("Loading…", at: inner.origin, scope: .hint, clip: inner)
            return
        }
        let rows = state.rows
        let wide = inner.width >= 100
        var columns = [TableColumn("Patient", width: .fill(2))]
        if wide { columns.append(TableColumn("MRN", width: .length(10))) }
        columns += [TableColumn("Visit", width: .fill(1)), TableColumn("Total", width: .length(12), alignment: .right),
                    TableColumn("Standing", width: .fill(2))]
        let texts = ListBehaviour.rowTexts(state.list, count: rows.count) { BillingFeature.searchTexts(rows) }
        let currency = state.currency
        var list = state.list
        buffer.render(Table(columns: columns, rowCount: rows.count, row: { index in
            let listing = rows[index]
            var cells = [TableCell(listing.patientName)]
            if wide { cells.append(TableCell(listing.mrn?.description ?? "")) }
            cells.append(TableCell(visitWords(listing), scope: listing.visit == nil ? .hint : nil))
            if let summary = listing.summary {
                cells.append(TableCell(currency.format(summary.total)))
                cells.append(TableCell(summary.standing.words(currency), scope: standingScope(summary.standing)))
            } else {
                cells += [TableCell("—", scope: .hint), TableCell("to invoice", scope: BillingView.owed)]
            }
            return TableRow(cells, searchText: texts[index])
        }, isFocused: context.isFocused, emptyText: "No visits or invoices today"), in: inner, state: &list)
    }

    /// `Billing — today · 3 to invoice · 2 owing`.
    static func title(_ state: BillingState) -> String {
        let rows = state.rows
        let toInvoice = rows.filter { $0.summary == nil }.count
        let owing = rows.filter { ($0.summary?.balance.minor ?? 0) > 0 }.count
        let count = ListBehaviour.filterSummary(state.list, count: rows.count) { BillingFeature.searchTexts(rows) }
        return "Billing — today · \(toInvoice) to invoice · \(owing) owing" + (count.map { " · \($0)" } ?? "")
    }

    static func visitWords(_ listing: BillingListing) -> String {
        guard let visit = listing.visit else { return "at the desk" }
        let provider = listing.providerName.map { " · \($0)" } ?? ""
        return "#\(visit.ticket) \(StatusWords.visit(visit.status))\(provider)"
    }

    /// Money still owed, or a refund given: to be noticed, not alarming.
    static let owed: Scope = "billing.owed"

    static func standingScope(_ standing: InvoiceSummary.Standing) -> Scope? {
        switch standing {
        case .unpaid, .partlyPaid: owed
        case .overpaid: .error
        case .paid, .nothingCharged, .void: .hint
        }
    }
}

/// One invoice over the whole screen: the patient, each charge with its discounts and tax, the
/// totals, and each payment or refund with its receipt number.
public enum InvoiceView {
    public static func render(_ state: BillingState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        buffer.render(Clear(scope: .dialog), in: area)
        let footer = context.hints.line([
            ("invoice.charge", "charge"), ("invoice.pay", "pay"), ("invoice.discount", "discount"), ("invoice.cancel", "cancel"),
            ("invoice.refund", "refund"), ("invoice.void", "void"), ("invoice.receipt", "receipt"), ("invoice.close", "close"),
        ])
        let listing = state.invoice?.listing
        let title = listing.map { "Invoice — \($0.patientName)" + ($0.mrn.map { " (\($0))" } ?? "") } ?? "Invoice"
        let block = Block(title: title, footer: footer, isFocused: context.isFocused, fill: .dialog, titleScope: .dialogTitle)
        buffer.render(block, in: area)
        let inner = block.inner(area).inset(horizontal: 1)
        guard !inner.isEmpty else { return }
        guard let invoice = state.invoice, let summary = invoice.summary else {
            buffer.write("Loading…", at: inner.origin, scope: .hint, clip: inner)
            return
        }
        let currency = state.currency
        let totals = totalLines(summary, currency)
        let tableArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - totals.count - 1))
        let rows = invoice.rows
        let wide = inner.width >= 90
        var columns = [TableColumn("Item", width: .fill(3))]
        if wide { columns.append(TableColumn("Detail", width: .fill(2))) }
        columns += [TableColumn("Qty", width: .length(4), alignment: .right), TableColumn("Tax", width: .length(10), alignment: .right),
                    TableColumn("Amount", width: .length(12), alignment: .right)]
        var list = invoice.list
        buffer.render(Table(columns: columns, rowCount: rows.count, row: { index in
            switch rows[index] {
            case let .charge(charge):
                let struck = charge.isCancelled || summary.isVoid
                var detail = charge.discounts.map { "−\(currency.format($0.unitPrice)) \($0.reason)" }
                if let cancelled = charge.cancellation { detail.insert("cancelled: \(cancelled.reason)", at: 0) }
                var cells = [TableCell(charge.line.name, scope: struck ? .hint : nil)]
                if wide { cells.append(TableCell(detail.joined(separator: "; "), scope: .hint)) }
                cells += [TableCell("\(charge.line.quantity)"), TableCell(struck ? "" : currency.format(charge.tax)),
                          TableCell(struck ? "cancelled" : currency.format(charge.total), scope: struck ? .hint : nil)]
                return TableRow(cells)
            case let .payment(payment):
                let verb = payment.kind == .payment ? "Paid" : payment.kind == .refund ? "Refunded" : "Voided"
                var cells = [TableCell("\(verb) by \(payment.method) · \(payment.receipt)", scope: payment.kind == .payment ? nil : BillingView.owed)]
                if wide { cells.append(TableCell(paymentDetail(payment, currency), scope: .hint)) }
                cells += [TableCell(""), TableCell(""), TableCell(currency.format(-payment.signedAmount))]
                return TableRow(cells)
            }
        }, isFocused: context.isFocused, emptyText: "Nothing charged yet — add a charge"), in: tableArea, state: &list)
        var y = inner.y + inner.height - totals.count
        for (label, value, scope) in totals {
            let text = "\(label) \(value)"
            buffer.write(text, at: Position(x: max(inner.x, inner.x + inner.width - text.count), y: y), scope: scope ?? .dialog, clip: inner)
            y += 1
        }
    }

    static func totalLines(_ summary: InvoiceSummary, _ currency: Currency) -> [(String, String, Scope?)] {
        var lines: [(String, String, Scope?)] = [("Subtotal", currency.format(summary.subtotal), nil)]
        if !summary.discount.isZero { lines.append(("Discount", "−" + currency.format(summary.discount), nil)) }
        lines += [("Tax", currency.format(summary.tax), nil), ("Total", currency.formatWithCode(summary.total), .header),
                  ("Paid", currency.format(summary.paid), nil)]
        let standing = summary.standing.words(currency)
        lines.append(("", standing.prefix(1).uppercased() + standing.dropFirst(), BillingView.standingScope(summary.standing)))
        return lines
    }

    static func paymentDetail(_ payment: Payment, _ currency: Currency) -> String {
        var parts: [String] = []
        if let tendered = payment.tendered, let change = payment.change {
            parts.append("tendered \(currency.format(tendered)), change \(currency.format(change))")
        }
        if payment.method == .insurance { parts.append("\(payment.payer) policy \(payment.policyNumber)") }
        if !payment.reference.isEmpty { parts.append(payment.reference) }
        if !payment.reason.isEmpty { parts.append(payment.reason) }
        parts.append("by \(payment.takenByName)")
        return parts.joined(separator: " · ")
    }
}

/// The price list over the whole screen.
public enum PriceListView {
    public static func render(_ state: BillingState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        buffer.render(Clear(scope: .dialog), in: area)
        let footer = context.hints.line([("prices.add", "add"), ("prices.edit", "change"), ("prices.close", "close")])
        let items = state.prices ?? []
        let block = Block(title: "Price list — \(items.filter(\.isActive).count) in use", footer: footer, isFocused: context.isFocused,
                          fill: .dialog, titleScope: .dialogTitle)
        buffer.render(block, in: area)
        let inner = block.inner(area).inset(horizontal: 1)
        guard !inner.isEmpty else { return }
        let currency = state.currency
        var list = state.priceList
        buffer.render(Table(columns: [
            TableColumn("Code", width: .length(12)), TableColumn("Service", width: .fill(3)),
            TableColumn("Group", width: .length(12)), TableColumn("Price", width: .length(12), alignment: .right),
            TableColumn("Tax", width: .length(7), alignment: .right), TableColumn("Use", width: .length(8)),
        ], rowCount: items.count, row: { index in
            let item = items[index]
            let scope: Scope? = item.isActive ? nil : .hint
            return TableRow([TableCell(item.code, scope: scope), TableCell(item.name, scope: scope),
                             TableCell(item.category.rawValue, scope: scope), TableCell(currency.format(item.price), scope: scope),
                             TableCell(item.taxRate.description, scope: scope), TableCell(item.isActive ? "in use" : "retired", scope: scope)])
        }, isFocused: context.isFocused, emptyText: state.prices == nil ? "Loading…" : "No services yet — add one"),
        in: inner, state: &list)
    }
}

/// The cash-up over the whole screen: the day's takings by method, the cash expected and the counts.
public enum CashUpView {
    public static func render(_ state: BillingState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        buffer.render(Clear(scope: .dialog), in: area)
        let footer = context.hints.line([("cashup.count", "count"), ("cashup.everyone", "mine/all"), ("cashup.print", "print"),
                                         ("cashup.close", "close")])
        let who = state.cashUpEveryone ? "everyone" : (context.session.user?.username ?? "")
        let title = state.cashUp.map { "Cash-up — \($0.day) · till \($0.device) · \(who)" } ?? "Cash-up"
        let block = Block(title: title, footer: footer, isFocused: context.isFocused, fill: .dialog, titleScope: .dialogTitle)
        buffer.render(block, in: area)
        let inner = block.inner(area).inset(horizontal: 1)
        guard !inner.isEmpty else { return }
        guard let cashUp = state.cashUp else {
            buffer.write("Loading…", at: inner.origin, scope: .hint, clip: inner)
            return
        }
        let currency = state.currency
        let methods = cashUp.byMethod
        var list = ListState()
        let tableHeight = min(inner.height, methods.count + 2)
        buffer.render(Table(columns: [
            TableColumn("Method", width: .fill(1)), TableColumn("Entries", width: .length(8), alignment: .right),
            TableColumn("Received", width: .length(12), alignment: .right),
            TableColumn("Given back", width: .length(12), alignment: .right), TableColumn("Net", width: .length(12), alignment: .right),
        ], rowCount: methods.count, row: { index in
            let line = methods[index]
            let scope: Scope? = line.count == 0 ? .hint : nil
            return TableRow([TableCell(line.method.description, scope: scope), TableCell("\(line.count)", scope: scope),
                             TableCell(currency.format(line.received), scope: scope), TableCell(currency.format(line.givenBack), scope: scope),
                             TableCell(currency.format(line.net), scope: scope)])
        }, isFocused: false), in: Rect(x: inner.x, y: inner.y, width: inner.width, height: tableHeight), state: &list)
        var lines: [(String, Scope?)] = [
            ("Total taken: \(currency.formatWithCode(cashUp.total))", .header),
            ("Cash expected in the drawer: \(currency.format(cashUp.expectedCash))", nil),
        ]
        if let count = cashUp.latestCount {
            lines.append(("Counted \(currency.format(count.counted)) at \(ClockText.time(count.countedAt, timeZone: context.session.timeZone)) "
                + "by \(count.userName): \(CashUpWords.difference(count.difference, currency: currency))"
                + (count.note.isEmpty ? "" : " — \(count.note)"), count.difference.isZero ? nil : BillingView.owed))
        } else {
            lines.append(("Not counted yet — \(context.hints.key("cashup.count") ?? "count") records the drawer", .hint))
        }
        var y = inner.y + tableHeight + 1
        for (text, scope) in lines where y < inner.y + inner.height {
            buffer.write(text, at: Position(x: inner.x, y: y), scope: scope ?? .dialog, clip: inner)
            y += 1
        }
    }
}

/// A billing screen or one of its dialogs.
public enum BillingModalView {
    public static func render(_ modal: BillingModal, _ state: BillingState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        switch modal {
        case .day: BillingView.render(state, context, in: area, buffer: &buffer)
        case .invoice: InvoiceView.render(state, context, in: area, buffer: &buffer)
        case .prices: PriceListView.render(state, context, in: area, buffer: &buffer)
        case .cashUp: CashUpView.render(state, context, in: area, buffer: &buffer)
        case let .charge(dialog), let .method(dialog): ChoiceDialogView.render(dialog, context, in: area, buffer: &buffer)
        case let .payment(_, form), let .discount(_, form), let .cancelCharge(_, form), let .refund(_, form), let .void(form),
             let .price(_, form), let .count(form):
            FormDialogView.render(form, context, in: area, buffer: &buffer)
        }
    }
}
