public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Opens the invoice of a visit (with its consultation charged from the price list), or a
    /// desk sale for a patient without a visit. A visit has one standing invoice: opening it
    /// again returns that one (a void invoice can be replaced by a new one).
    @discardableResult
    public func openInvoice(patient patientID: EntityID<Patient>, visit visitID: EntityID<Visit>? = nil,
                            currency: Currency, by author: Author) throws(StoreError) -> Invoice {
        // Opening a standing invoice again writes nothing (the write rolls back) and returns it.
        try write(.addCharges, by: author) { writer in
            _ = try activePatient(patientID, in: writer.db)
            if let visitID, let existing = try Self.standingInvoice(of: visitID, writer.db) { return existing }
            var visit: VisitRecord?
            if let visitID {
                visit = try VisitRecord.fetchOne(writer.db, key: visitID.description)
                guard let visit, visit.patientID == patientID.description else {
                    throw StoreError.notFound(what: "visit of this patient", id: visitID.description)
                }
            }
            let invoice = Invoice(id: environment.ids.id(), patientID: patientID, visitID: visitID, currency: currency,
                                  openedAt: writer.now, openedBy: author.name)
            var record = InvoiceRecord(invoice, day: try writer.today())
            try writer.insert(&record)
            if let visit, let fee = try Self.consultationFee(for: visit, writer.db) {
                var line = InvoiceLineRecord(InvoiceLine(
                    id: environment.ids.id(), invoiceID: invoice.id, kind: .charge, code: fee.item.code, name: fee.name,
                    category: .consultation, quantity: 1, unitPrice: fee.item.price, taxRate: fee.item.taxRate,
                    addedAt: writer.now, addedBy: author.name))
                try writer.insert(&line)
            }
            try writer.audit("invoice.open", InvoiceRecord.self, record.id,
                             visit == nil ? "Opened an invoice at the desk" : "Opened the invoice of the visit",
                             patient: patientID.description)
            return invoice
        }
    }

    /// Charges a service from the price list (at today's price) on an invoice.
    @discardableResult
    public func addCharge(_ itemID: EntityID<PriceItem>, quantity: Int = 1, to invoiceID: EntityID<Invoice>, by author: Author)
        throws(StoreError) -> InvoiceLine
    {
        try write(.addCharges, by: author) { writer in
            let summary = try Self.summary(of: invoiceID, writer.db)
            guard let item = try PriceItemRecord.fetchOne(writer.db, key: itemID.description).map({ try $0.item }), item.isActive else {
                throw StoreError.notFound(what: "price-list entry", id: itemID.description)
            }
            try Self.checked { () throws(BillingProblem) in try BillingRules.charge(quantity: quantity, price: item.price, on: summary) }
            let line = InvoiceLine(id: environment.ids.id(), invoiceID: invoiceID, kind: .charge, code: item.code, name: item.name,
                                   category: item.category, quantity: quantity, unitPrice: item.price, taxRate: item.taxRate,
                                   addedAt: writer.now, addedBy: author.name)
            var record = InvoiceLineRecord(line)
            try writer.insert(&record)
            try writer.audit("invoice.charge", InvoiceLineRecord.self, record.id,
                             "Charged \(quantity) × \(item.code) at \(summary.invoice.currency.format(item.price))",
                             patient: summary.invoice.patientID.description)
            return line
        }
    }

    /// Takes `amount` off a charge before tax, with a reason (admins: ``Permission/adjustBills``).
    @discardableResult
    public func discount(_ lineID: EntityID<InvoiceLine>, by amount: Money, reason: String, on invoiceID: EntityID<Invoice>,
                         by author: Author) throws(StoreError) -> InvoiceLine {
        try adjustment(.discount, of: lineID, amount: amount, reason: reason, on: invoiceID, permission: .adjustBills, by: author)
    }

    /// Cancels a charge entered in error, with a reason. Before anything is paid whoever adds
    /// charges may; once money was taken only an admin (``Permission/adjustBills``).
    @discardableResult
    public func cancelCharge(_ lineID: EntityID<InvoiceLine>, reason: String, on invoiceID: EntityID<Invoice>, by author: Author)
        throws(StoreError) -> InvoiceLine
    {
        try adjustment(.cancellation, of: lineID, amount: .zero, reason: reason, on: invoiceID, permission: .addCharges, by: author)
    }

    /// Voids a whole invoice (nothing may stay paid on it), with a reason.
    @discardableResult
    public func voidInvoice(_ invoiceID: EntityID<Invoice>, reason: String, by author: Author) throws(StoreError) -> InvoiceLine {
        try write(.adjustBills, by: author) { writer in
            let summary = try Self.summary(of: invoiceID, writer.db)
            let reason = try Self.checked { () throws(BillingProblem) in
                try BillingRules.void(summary)
                return try BillingRules.reason(reason, for: "void")
            }
            var record = InvoiceLineRecord(InvoiceLine(id: environment.ids.id(), invoiceID: invoiceID, kind: .void, name: "Void",
                                                       reason: reason, addedAt: writer.now, addedBy: author.name))
            try writer.insert(&record)
            try writer.audit("invoice.void", InvoiceLineRecord.self, record.id, "Voided the invoice: \(reason)",
                             patient: summary.invoice.patientID.description)
            return try record.line
        }
    }

    private func adjustment(_ kind: InvoiceLine.Kind, of lineID: EntityID<InvoiceLine>, amount: Money, reason: String,
                            on invoiceID: EntityID<Invoice>, permission: Permission, by author: Author)
        throws(StoreError) -> InvoiceLine
    {
        try write(permission, by: author) { writer in
            let summary = try Self.summary(of: invoiceID, writer.db)
            if kind == .cancellation, !summary.payments.isEmpty, let role = author.role, !role.may(.adjustBills) {
                throw StoreError.notPermitted(role: role, permission: .adjustBills)
            }
            let word = kind == .discount ? "discount" : "cancellation"
            let reason = try Self.checked { () throws(BillingProblem) in
                if kind == .discount { try BillingRules.discount(amount, on: lineID, in: summary) }
                else { try BillingRules.cancel(lineID, in: summary) }
                return try BillingRules.reason(reason, for: word)
            }
            let charge = summary.charges.first { $0.line.id == lineID }!.line
            var record = InvoiceLineRecord(InvoiceLine(
                id: environment.ids.id(), invoiceID: invoiceID, kind: kind, code: charge.code,
                name: kind == .discount ? "Discount on \(charge.name)" : "Cancelled \(charge.name)", category: charge.category,
                quantity: 1, unitPrice: amount, taxRate: charge.taxRate, target: lineID, reason: reason,
                addedAt: writer.now, addedBy: author.name))
            try writer.insert(&record)
            let what = kind == .discount ? "Discount of \(summary.invoice.currency.format(amount)) on \(charge.code)"
                : "Cancelled \(charge.code)"
            try writer.audit(kind == .discount ? "invoice.discount" : "invoice.cancel-line", InvoiceLineRecord.self, record.id,
                             "\(what): \(reason)", patient: summary.invoice.patientID.description)
            return try record.line
        }
    }

    /// An invoice with its lines and payments, as it stands now.
    public func invoiceSummary(_ invoiceID: EntityID<Invoice>) throws(StoreError) -> InvoiceSummary {
        try read { db in try Self.summary(of: invoiceID, db) }
    }

    static func summary(of invoiceID: EntityID<Invoice>, _ db: Database) throws -> InvoiceSummary {
        guard let invoice = try InvoiceRecord.fetchOne(db, key: invoiceID.description), invoice.deletedAt == nil else {
            throw StoreError.notFound(what: "invoice", id: invoiceID.description)
        }
        let lines = try InvoiceLineRecord.filter(Column("invoice_id") == invoiceID.description && Column("deleted_at") == nil)
            .fetchAll(db).map { try $0.line }
        let payments = try PaymentRecord.filter(Column("invoice_id") == invoiceID.description && Column("deleted_at") == nil)
            .fetchAll(db).map { try $0.payment }
        return InvoiceSummary(invoice: try invoice.invoice, lines: lines, payments: payments)
    }

    static func standingInvoice(of visitID: EntityID<Visit>, _ db: Database) throws -> Invoice? {
        let records = try InvoiceRecord.filter(Column("visit_id") == visitID.description && Column("deleted_at") == nil)
            .order(Column("opened_at")).fetchAll(db)
        for record in records {
            let summary = try summary(of: try EntityID(stored: record.id), db)
            if !summary.isVoid { return summary.invoice }
        }
        return nil
    }

    /// The consultation a visit is charged: the price-list entry for its kind (``ConsultationFee``),
    /// named with the provider who saw the patient.
    private static func consultationFee(for visit: VisitRecord, _ db: Database) throws -> (item: PriceItem, name: String)? {
        let kind = try visit.appointmentID.flatMap { try AppointmentRecord.fetchOne(db, key: $0) }
            .flatMap { AppointmentKind(rawValue: $0.kind) } ?? .walkIn
        let items = try PriceItemRecord.filter(Column("deleted_at") == nil && Column("is_active") == true
                                               && Column("category") == ChargeCategory.consultation.rawValue)
            .order(Column("code")).fetchAll(db).map { try $0.item }
        guard let item = ConsultationFee.item(for: kind, among: items) else { return nil }
        let provider = try visit.providerID.flatMap { try ProviderRecord.fetchOne(db, key: $0) }?.displayName
        return (item, provider.map { "\(item.name) — \($0)" } ?? item.name)
    }

    /// Runs a billing rule, turning its refusal into the store's error.
    static func checked<T>(_ rule: () throws(BillingProblem) -> T) throws(StoreError) -> T {
        do { return try rule() } catch { throw .billing(error) }
    }
}
