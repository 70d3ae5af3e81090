public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Takes a payment on an invoice and numbers its receipt from this device's counter.
    @discardableResult
    public func takePayment(_ draft: PaymentDraft, on invoiceID: EntityID<Invoice>, by author: Author)
        throws(StoreError) -> Payment
    {
        try write(.takePayments, by: author) { writer in
            let summary = try Self.summary(of: invoiceID, writer.db)
            try Self.checked { () throws(BillingProblem) in
                if let missing = draft.missing { throw BillingProblem(missing) }
                try BillingRules.payment(draft.amount, tendered: draft.tendered, method: draft.method, on: summary)
            }
            let trim = { (text: String) in String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(80)) }
            let payment = Payment(
                id: environment.ids.id(), invoiceID: invoiceID, patientID: summary.invoice.patientID, kind: .payment,
                method: draft.method, amount: draft.amount, tendered: draft.method == .cash ? draft.tendered : nil,
                reference: trim(draft.reference), payer: trim(draft.payer), policyNumber: trim(draft.policyNumber),
                receipt: try writer.nextReceiptNumber(), takenAt: writer.now, takenBy: author.userID, takenByName: author.name,
                device: try writer.tillName())
            var record = PaymentRecord(payment, day: try writer.today())
            try writer.insert(&record)
            try writer.audit("payment.take", PaymentRecord.self, record.id,
                             "Took \(summary.invoice.currency.format(payment.amount)) by \(payment.method), receipt \(payment.receipt)",
                             patient: summary.invoice.patientID.description)
            return payment
        }
    }

    /// Gives back some or all of a payment (`.refund`), or reverses one taken in error
    /// (`.void`, the whole amount), with a reason; a new entry with its own receipt number.
    @discardableResult
    public func refund(_ paymentID: EntityID<Payment>, amount: Money? = nil, kind: Payment.Kind = .refund, reason: String,
                       by author: Author) throws(StoreError) -> Payment {
        try write(.adjustBills, by: author) { writer in
            guard let original = try PaymentRecord.fetchOne(writer.db, key: paymentID.description).map({ try $0.payment }) else {
                throw StoreError.notFound(what: "payment", id: paymentID.description)
            }
            let summary = try Self.summary(of: original.invoiceID, writer.db)
            let left = summary.refundable(original)
            let amount = kind == .void ? left : (amount ?? left)
            let reason = try Self.checked { () throws(BillingProblem) in
                guard kind != .payment else { throw BillingProblem("A refund gives money back.") }
                if kind == .void, left != original.amount {
                    throw BillingProblem("Receipt \(original.receipt) was partly refunded; refund the rest instead of voiding it.")
                }
                try BillingRules.refund(amount, of: original, in: summary)
                return try BillingRules.reason(reason, for: kind == .void ? "void" : "refund")
            }
            let entry = Payment(
                id: environment.ids.id(), invoiceID: original.invoiceID, patientID: original.patientID, kind: kind,
                method: original.method, amount: amount, reference: original.reference, payer: original.payer,
                policyNumber: original.policyNumber, refundOf: original.id, reason: reason,
                receipt: try writer.nextReceiptNumber(), takenAt: writer.now, takenBy: author.userID, takenByName: author.name,
                device: try writer.tillName())
            var record = PaymentRecord(entry, day: try writer.today())
            try writer.insert(&record)
            let verb = kind == .void ? "Voided" : "Refunded"
            try writer.audit(kind == .void ? "payment.void" : "payment.refund", PaymentRecord.self, record.id,
                             "\(verb) \(summary.invoice.currency.format(amount)) of receipt \(original.receipt): \(reason)",
                             patient: original.patientID.description)
            return entry
        }
    }
}
