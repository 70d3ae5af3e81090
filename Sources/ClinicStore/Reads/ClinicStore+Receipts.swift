public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// The receipt of a payment or refund, by its number (`RFC-R000042`) or the payment's id.
    public func receipt(_ reference: String) throws(StoreError) -> PaymentReceipt {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        return try read { db in
            guard let record = try PaymentRecord.filter(
                (Column("id") == trimmed.lowercased() || Column("receipt_number") == trimmed.uppercased()) && Column("deleted_at") == nil
            ).fetchOne(db) else { throw StoreError.notFound(what: "receipt", id: trimmed) }
            let payment = try record.payment
            let summary = try Self.summary(of: payment.invoiceID, db)
            let row = try Row.fetchOne(db, sql: "SELECT family_name, given_name, mrn FROM patient WHERE id = ?",
                                       arguments: [record.patientID])
            let clinic = try String.fetchOne(db, sql: "SELECT name FROM clinic LIMIT 1") ?? "Clinic"
            return PaymentReceipt(
                clinicName: clinic,
                patientName: PatientDetails.displayName(familyName: row?["family_name"] ?? "", givenName: row?["given_name"] ?? ""),
                mrn: (row?["mrn"] as String?).flatMap(MRN.init), summary: summary, payment: payment)
        }
    }
}
