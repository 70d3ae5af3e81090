public import ClinicCore
import GRDB

extension ClinicStore {
    /// A patient's balance over all their invoices: positive owed, negative overpaid (a refund is due).
    public func balance(of patientID: EntityID<Patient>) throws(StoreError) -> [Currency: Money] {
        try read { db in try Self.balances(of: [patientID.description], db)[patientID.description] ?? [:] }
    }

    /// Each patient's balance over all their invoices, by currency, leaving out what is settled
    /// (a patient with nothing owing either way is absent). Three queries however many patients
    /// (the queue asks for all of its rows at once); the sums are `InvoiceSummary`'s own.
    static func balances(of patientIDs: [String], _ db: Database) throws -> [String: [Currency: Money]] {
        guard !patientIDs.isEmpty else { return [:] }
        let invoices = try InvoiceRecord.filter(patientIDs.contains(Column("patient_id")) && Column("deleted_at") == nil).fetchAll(db)
        guard !invoices.isEmpty else { return [:] }
        let ids = invoices.map(\.id)
        let lines = Dictionary(grouping: try InvoiceLineRecord.filter(ids.contains(Column("invoice_id")) && Column("deleted_at") == nil)
            .fetchAll(db).map { try $0.line }, by: \.invoiceID)
        let payments = Dictionary(grouping: try PaymentRecord.filter(ids.contains(Column("invoice_id")) && Column("deleted_at") == nil)
            .fetchAll(db).map { try $0.payment }, by: \.invoiceID)
        var balances: [String: [Currency: Money]] = [:]
        for record in invoices {
            let invoice = try record.invoice
            let summary = InvoiceSummary(invoice: invoice, lines: lines[invoice.id] ?? [], payments: payments[invoice.id] ?? [])
            balances[record.patientID, default: [:]][invoice.currency, default: .zero] += summary.balance
        }
        return balances.compactMapValues { amounts in
            let open = amounts.filter { !$0.value.isZero }
            return open.isEmpty ? nil : open
        }
    }
}
