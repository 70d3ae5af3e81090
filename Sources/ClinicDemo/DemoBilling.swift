import ClinicCore
import ClinicStore
import Foundation

/// The demo clinic's money: a price list set up by the admin before the week, and each finished
/// visit charged and paid at the desk as it happened — by cash (with change), card, UPI,
/// insurance with the patient's share, or other — with the odd procedure added, a discount, a
/// bill left owing, a refund, and the receptionist's drawer counted at the end of each day.
/// Today's last few visits are left for the desk to invoice.
struct DemoBilling {
    let store: ClinicStore
    let staff: DemoStaff
    let currency = Currency.rupee

    /// The price list, written by the admin.
    func seedPrices() throws -> [String: PriceItem] {
        var items: [String: PriceItem] = [:]
        for draft in Self.priceList { items[draft.code] = try store.savePriceItem(draft, by: staff.admin) }
        return items
    }

    /// How a finished visit is settled at the desk; drawn by the week's random numbers.
    enum Settlement {
        case cash
        case card
        case upi
        /// The insurer pays most of it; the patient pays their share by UPI.
        case insurance
        case other
        /// Nothing paid yet: the balance shows on the card and in the queue.
        case owing
        /// Left for the desk to invoice (today's last visits).
        case notInvoiced

        /// Roughly how a clinic's takings split: cash first, then UPI and card.
        static func draw(_ roll: Int) -> Settlement {
            switch roll {
            case ...40: .cash
            case ...60: .upi
            case ...78: .card
            case ...88: .insurance
            case ...94: .other
            default: .owing
            }
        }
    }

    /// Invoices a finished visit, adds a procedure when the doctor did one, and settles it;
    /// returns the invoice (nil when left for the desk). `tenderRoll` (1...100, drawn by the
    /// caller) picks the note handed over and the references.
    @discardableResult
    func checkOut(visit: Visit, settlement: Settlement, procedure: PriceItem?, discounted: Bool, tenderRoll: Int) throws -> Invoice? {
        guard settlement != .notInvoiced else { return nil }
        let invoice = try store.openInvoice(patient: visit.patientID, visit: visit.id, currency: currency, by: staff.receptionist)
        if let procedure { try store.addCharge(procedure.id, to: invoice.id, by: staff.doctor) }
        if discounted, let first = try store.invoiceSummary(invoice.id).charges.first {
            let off = Money(minor: first.line.unitPrice.minor / 10)
            _ = try store.discount(first.line.id, by: off, reason: "Senior citizen, 10%", on: invoice.id, by: staff.admin)
        }
        let owed = try store.invoiceSummary(invoice.id).balance
        guard owed.minor > 0 else { return invoice }
        switch settlement {
        case .cash:
            try pay(.init(method: .cash, amount: owed, tendered: Self.tendered(for: owed, roll: tenderRoll)), invoice)
        case .card:
            try pay(.init(method: .card, amount: owed, reference: "AUTH \(100_000 + tenderRoll * 7_919 % 900_000)"), invoice)
        case .upi:
            try pay(.init(method: .upi, amount: owed, reference: "UPI-\(4_100_000 + tenderRoll * 3_571)"), invoice)
        case .insurance:
            let insurer = Money(minor: owed.minor * 8 / 10 / 100 * 100)
            try pay(.init(method: .insurance, amount: insurer, reference: "CLM-\(20_000 + tenderRoll)",
                          payer: Self.insurers[tenderRoll % Self.insurers.count], policyNumber: "POL-\(700_000 + tenderRoll * 13)"), invoice)
            try pay(.init(method: .upi, amount: owed - insurer, reference: "UPI-\(5_200_000 + tenderRoll * 1_117)"), invoice)
        case .other:
            try pay(.init(method: .other, amount: owed, reference: "Cheque \(400_100 + tenderRoll)"), invoice)
        case .owing, .notInvoiced:
            break
        }
        return invoice
    }

    /// The admin gives back a charge that was not done: the procedure's line cancelled, its
    /// amount refunded from the first payment that covers it; false when no payment does.
    func refundProcedure(on invoiceID: EntityID<Invoice>) throws -> Bool {
        let invoice = try store.invoiceSummary(invoiceID)
        guard let procedure = invoice.standingCharges.first(where: { $0.line.category == .procedure }),
              let payment = invoice.payments.first(where: { $0.kind == .payment && invoice.refundable($0) >= procedure.total })
        else { return false }
        _ = try store.cancelCharge(procedure.line.id, reason: "Not done: the patient declined", on: invoice.invoice.id, by: staff.admin)
        _ = try store.refund(payment.id, amount: procedure.total, reason: "Charged for a procedure that was not done", by: staff.admin)
        return true
    }

    /// The receptionist counts the drawer at the end of a day; on a short day she says why.
    func countDrawer(on day: CalendarDate, shortBy: Money) throws {
        let expected = try store.cashUp(on: day, user: staff.receptionist.name, currency: currency).expectedCash
        guard !expected.isZero else { return }
        _ = try store.recordCashCount(on: day, counted: expected - shortBy, note: shortBy.isZero ? "" : "Change given twice to one patient",
                                      currency: currency, by: staff.receptionist)
    }

    private func pay(_ draft: PaymentDraft, _ invoice: Invoice) throws {
        _ = try store.takePayment(draft, on: invoice.id, by: staff.receptionist)
    }

    /// The note a patient hands over: the next 100 up, or a 500 or 2,000 note.
    static func tendered(for owed: Money, roll: Int) -> Money {
        let step = roll <= 50 ? 10_000 : roll <= 80 ? 50_000 : 200_000
        let notes = (owed.minor + step - 1) / step * step
        return Money(minor: notes)
    }

    static let insurers = ["Star Health", "Niva Bupa", "HDFC ERGO", "ICICI Lombard"]

    static let priceList: [PriceItemDraft] = [
        PriceItemDraft(code: "CONS-NEW", name: "Consultation, new patient", category: .consultation, price: Money(minor: 60_000),
                       taxRate: .zero),
        PriceItemDraft(code: "CONS-FOLLOW", name: "Follow-up consultation", category: .consultation, price: Money(minor: 40_000),
                       taxRate: .zero),
        PriceItemDraft(code: "CONS-WALKIN", name: "Walk-in consultation", category: .consultation, price: Money(minor: 50_000),
                       taxRate: .zero),
        PriceItemDraft(code: "DRESS", name: "Wound dressing", category: .procedure, price: Money(minor: 25_000),
                       taxRate: Rate(basisPoints: 1_800)),
        PriceItemDraft(code: "ECG", name: "Electrocardiogram (ECG)", category: .procedure, price: Money(minor: 45_000), taxRate: .zero),
        PriceItemDraft(code: "NEB", name: "Nebulisation", category: .procedure, price: Money(minor: 20_000), taxRate: .zero),
        PriceItemDraft(code: "CBC", name: "Complete blood count", category: .lab, price: Money(minor: 35_000), taxRate: .zero),
        PriceItemDraft(code: "HBA1C", name: "HbA1c", category: .lab, price: Money(minor: 55_000), taxRate: .zero),
        PriceItemDraft(code: "XRAY", name: "Chest X-ray", category: .lab, price: Money(minor: 80_000), taxRate: .zero),
        PriceItemDraft(code: "CERT", name: "Medical certificate", category: .other, price: Money(minor: 20_000),
                       taxRate: Rate(basisPoints: 1_800)),
    ]

    /// The procedures a doctor adds after a consultation.
    static let procedures = ["DRESS", "ECG", "NEB", "CBC", "HBA1C", "XRAY", "CERT"]
}
