public import ClinicCore
public import ClinicPrint
public import Foundation
import FrontDesk

/// A receipt's and a cash-up sheet's words, from the domain.
public enum ReceiptText {
    public static func content(_ receipt: PaymentReceipt, timeZone: TimeZone) -> ReceiptContent {
        let payment = receipt.payment
        let summary = receipt.summaryAtPayment
        let currency = summary.invoice.currency
        let money = { (amount: Money) in currency.format(amount) }
        let title = switch payment.kind {
        case .payment: "Receipt"
        case .refund: "Refund"
        case .void: "Void"
        }
        var totals = [LabeledValue("Subtotal", money(summary.subtotal))]
        if !summary.discount.isZero { totals.append(LabeledValue("Discount", "-" + money(summary.discount))) }
        totals += [
            LabeledValue("Tax", money(summary.tax)),
            LabeledValue("Total", currency.formatWithCode(summary.total)),
            LabeledValue("Paid to date", money(summary.paid)),
            summary.balance.isNegative ? LabeledValue("Overpaid", money(summary.balance.magnitude) + " (refund due)")
                : LabeledValue("Balance due", money(summary.balance)),
        ]
        return ReceiptContent(
            clinicName: receipt.clinicName, clinicAddressLines: [], title: title, number: payment.receipt.description,
            dateTime: SlipText.moment(payment.takenAt, timeZone: timeZone), patientName: receipt.patientName,
            patientMRN: receipt.mrn?.description ?? "—", takenBy: "\(payment.takenByName) at till \(payment.device)",
            lines: lines(summary), totals: totals, payment: paymentFields(payment, currency: currency),
            note: summary.isVoid ? "This invoice is void: \(summary.void?.reason ?? "")." : nil,
            footer: "\(receipt.clinicName) · \(title.lowercased()) \(payment.receipt) · keep this for your records")
    }

    /// Each charge with what was taken off it; a cancelled one says so and counts nothing.
    static func lines(_ summary: InvoiceSummary) -> [ReceiptLine] {
        let currency = summary.invoice.currency
        return summary.charges.map { charge in
            var detail = [charge.line.code]
            detail += charge.discounts.map { "discount \(currency.format($0.unitPrice)): \($0.reason)" }
            if let cancelled = charge.cancellation { detail.append("cancelled: \(cancelled.reason)") }
            let counts = !charge.isCancelled && !summary.isVoid
            return ReceiptLine(
                description: charge.line.name, detail: detail.joined(separator: "; "), quantity: "\(charge.line.quantity)",
                unitPrice: currency.format(charge.line.unitPrice),
                tax: counts ? "\(currency.format(charge.tax)) (\(charge.line.taxRate))" : "—",
                amount: counts ? currency.format(charge.total) : "cancelled")
        }
    }

    static func paymentFields(_ payment: Payment, currency: Currency) -> [LabeledValue] {
        var fields = [
            LabeledValue("Method", payment.method.description),
            LabeledValue(payment.kind == .payment ? "Amount paid" : "Amount given back", currency.formatWithCode(payment.amount)),
        ]
        if let tendered = payment.tendered, let change = payment.change {
            fields += [LabeledValue("Tendered", currency.format(tendered)), LabeledValue("Change", currency.format(change))]
        }
        if payment.method == .insurance {
            fields += [LabeledValue("Payer", payment.payer), LabeledValue("Policy", payment.policyNumber)]
        }
        if !payment.reference.isEmpty { fields.append(LabeledValue(payment.method.referenceLabel, payment.reference)) }
        if payment.kind != .payment { fields.append(LabeledValue("Reason", payment.reason)) }
        return fields
    }

    public static func content(_ cashUp: CashUp, clinicName: String, timeZone: TimeZone) -> CashUpContent {
        let currency = cashUp.currency
        var fields = [
            LabeledValue("Day", cashUp.day.description),
            LabeledValue("Till", cashUp.device),
            LabeledValue("Taken by", cashUp.userName ?? "everyone"),
            LabeledValue("Total taken", currency.formatWithCode(cashUp.total)),
            LabeledValue("Cash expected in the drawer", currency.format(cashUp.expectedCash)),
        ]
        if let count = cashUp.latestCount {
            fields += [LabeledValue("Cash counted", currency.format(count.counted)),
                       LabeledValue("Difference", CashUpWords.difference(count.difference, currency: currency))]
        } else {
            fields.append(LabeledValue("Cash counted", "not counted yet"))
        }
        return CashUpContent(
            clinicName: clinicName, title: "Cash-up \(cashUp.day) — till \(cashUp.device)", fields: fields,
            methods: cashUp.byMethod.map {
                [$0.method.description, "\($0.count)", currency.format($0.received), currency.format($0.givenBack), currency.format($0.net)]
            },
            counts: cashUp.counts.map {
                [ClockText.time($0.countedAt, timeZone: timeZone).description, $0.userName, currency.format($0.expected), currency.format($0.counted),
                 CashUpWords.difference($0.difference, currency: currency), $0.note]
            },
            footer: "\(clinicName) · cash-up \(cashUp.day) · till \(cashUp.device)")
    }
}
