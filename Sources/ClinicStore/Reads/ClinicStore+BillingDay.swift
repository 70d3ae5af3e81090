public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// The day at the desk: every invoice opened that day and every visit of the day without
    /// a standing invoice (finished first: those are the ones to bill), newest first.
    public func billingDay(_ day: CalendarDate) throws(StoreError) -> [BillingListing] {
        try read { db in
            var listings: [BillingListing] = []
            var invoicedVisits: Set<String> = []
            let invoices = try InvoiceRecord.filter(Column("day") == day.description && Column("deleted_at") == nil)
                .order(Column("opened_at").desc).fetchAll(db)
            for record in invoices {
                let summary = try Self.summary(of: try EntityID(stored: record.id), db)
                if let visit = record.visitID, !summary.isVoid { invoicedVisits.insert(visit) }
                let visit = try record.visitID.flatMap { try VisitRecord.fetchOne(db, key: $0) }
                listings.append(try Self.listing(patient: record.patientID, visit: visit, summary: summary, db))
            }
            let visits = try VisitRecord.filter(Column("day") == day.description && Column("deleted_at") == nil)
                .order(Column("arrived_at").desc).fetchAll(db)
                .filter { !invoicedVisits.contains($0.id) && $0.status != QueueStatus.left.rawValue }
            let unbilled = try visits.map { try Self.listing(patient: $0.patientID, visit: $0, summary: nil, db) }
            let finishedFirst = unbilled.filter { $0.visit?.status == .done } + unbilled.filter { $0.visit?.status != .done }
            return finishedFirst + listings
        }
    }

    private static func listing(patient: String, visit: VisitRecord?, summary: InvoiceSummary?, _ db: Database) throws
        -> BillingListing
    {
        let row = try Row.fetchOne(db, sql: "SELECT family_name, given_name, mrn FROM patient WHERE id = ?", arguments: [patient])
        let name = PatientDetails.displayName(familyName: row?["family_name"] ?? "", givenName: row?["given_name"] ?? "")
        let provider = try visit?.providerID.flatMap { try ProviderRecord.fetchOne(db, key: $0) }?.displayName
        return BillingListing(patientID: try EntityID(stored: patient), patientName: name,
                              mrn: (row?["mrn"] as String?).flatMap(MRN.init), visit: try visit?.visit,
                              providerName: provider, summary: summary)
    }
}

extension ClinicStore {
    /// One invoice with its patient, visit and provider, as the invoice screen shows it.
    public func invoiceListing(_ invoiceID: EntityID<Invoice>) throws(StoreError) -> BillingListing {
        try read { db in
            let summary = try Self.summary(of: invoiceID, db)
            let visit = try summary.invoice.visitID.flatMap { try VisitRecord.fetchOne(db, key: $0.description) }
            return try Self.listing(patient: summary.invoice.patientID.description, visit: visit, summary: summary, db)
        }
    }
}
