import ClinicCore
import ClinicPrint
import ClinicStore
import Foundation
import FrontDesk

extension LiveDependencies {
    /// Billing on the store; receipts and cash-up sheets are written as PDF to `receipts` (and
    /// sent to `printer` when one is set up).
    static func billing(_ store: ClinicStore, receipts: URL, paper: PaperSize, printer: String?) -> BillingClient {
        let listing: @Sendable (EntityID<Invoice>) throws -> BillingListing = { id in try desk { try store.invoiceListing(id) } }
        let writeReceipt: @Sendable (Payment) throws -> String = { payment in
            let receipt = try desk { try store.receipt(payment.id.description) }
            let pdf = try ReceiptPDF.render(ReceiptText.content(receipt, timeZone: store.timeZone), paper: paper)
            return try PrintedFile.write(pdf, named: "\(payment.receipt).pdf", in: receipts, printer: printer,
                                         title: "Receipt \(payment.receipt)", what: "receipt \(payment.receipt)")
        }
        return BillingClient(
            day: { day in try desk { try store.billingDay(day) } },
            invoice: { id in try listing(id) },
            open: { target, currency, user in
                let invoice = try desk {
                    try store.openInvoice(patient: target.patientID, visit: target.visitID, currency: currency, by: Author(user: user))
                }
                return try listing(invoice.id)
            },
            prices: { retired in try desk { try store.priceList(includingRetired: retired) } },
            cashUp: { day, user, currency in try desk { try store.cashUp(on: day, user: user, currency: currency) } },
            charge: { item, invoice, user in _ = try desk { try store.addCharge(item, to: invoice, by: Author(user: user)) } },
            discount: { line, amount, reason, invoice, user in
                _ = try desk { try store.discount(line, by: amount, reason: reason, on: invoice, by: Author(user: user)) }
            },
            cancelCharge: { line, reason, invoice, user in
                _ = try desk { try store.cancelCharge(line, reason: reason, on: invoice, by: Author(user: user)) }
            },
            voidInvoice: { invoice, reason, user in _ = try desk { try store.voidInvoice(invoice, reason: reason, by: Author(user: user)) } },
            pay: { draft, invoice, user in
                let payment = try desk { try store.takePayment(draft, on: invoice, by: Author(user: user)) }
                let currency = try listing(invoice).summary?.invoice.currency ?? .rupee
                let change = payment.change.map { $0.isZero ? "" : " Change to give: \(currency.format($0))." } ?? ""
                let printed = try writeReceipt(payment)
                return "Took \(currency.format(payment.amount)) by \(payment.method), receipt \(payment.receipt).\(change) \(printed)"
            },
            refund: { id, amount, reason, user in
                let refund = try desk { try store.refund(id, amount: amount, reason: reason, by: Author(user: user)) }
                let currency = try listing(refund.invoiceID).summary?.invoice.currency ?? .rupee
                let printed = try writeReceipt(refund)
                return "Refunded \(currency.format(refund.amount)) by \(refund.method), receipt \(refund.receipt). \(printed)"
            },
            printReceipt: { id in
                let receipt = try desk { try store.receipt(id.description) }
                return try writeReceipt(receipt.payment)
            },
            savePrice: { draft, id, user in try desk { try store.savePriceItem(draft, editing: id, by: Author(user: user)) } },
            countCash: { day, counted, note, currency, user in
                try desk { try store.recordCashCount(on: day, counted: counted, note: note, currency: currency, by: Author(user: user)) }
            },
            printCashUp: { day, user, currency in
                let cashUp = try desk { try store.cashUp(on: day, user: user, currency: currency) }
                let sheet = ReceiptText.content(cashUp, clinicName: try desk { try store.clinic() }.name, timeZone: store.timeZone)
                let pdf = try ReceiptPDF.render(sheet, paper: paper)
                let name = "cash-up-\(day)-\(cashUp.device)-\(user ?? "everyone").pdf"
                return try PrintedFile.write(pdf, named: name, in: receipts, printer: printer, title: "Cash-up \(day)",
                                             what: "cash-up of \(day)")
            })
    }
}
