import ClinicCore
@testable import ClinicStore
import Foundation
import Testing

@Suite("Billing in the store")
struct BillingStoreTests {
    let fixture: StoreFixture
    let rupee = Currency.rupee

    init() throws {
        fixture = try StoreFixture()
    }

    var store: ClinicStore { fixture.store }

    /// A price list with the three consultations, a dressing with 18% tax and an X-ray.
    func priceList() throws -> [String: PriceItem] {
        let drafts = [
            PriceItemDraft(code: "CONS-NEW", name: "Consultation, new patient", category: .consultation, price: Money(minor: 60_000), taxRate: .zero),
            PriceItemDraft(code: "CONS-WALKIN", name: "Walk-in consultation", category: .consultation, price: Money(minor: 50_000), taxRate: .zero),
            PriceItemDraft(code: "DRESS", name: "Wound dressing", category: .procedure, price: Money(minor: 25_000), taxRate: Rate(basisPoints: 1800)),
            PriceItemDraft(code: "XRAY", name: "Chest X-ray", category: .lab, price: Money(minor: 80_000), taxRate: .zero),
        ]
        var items: [String: PriceItem] = [:]
        for draft in drafts { items[draft.code] = try store.savePriceItem(draft, by: fixture.admin) }
        return items
    }

    func walkInVisit() throws -> Visit {
        let patient = try store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let provider = try fixture.provider()
        let visit = try store.checkInWalkIn(patient: patient.id, provider: provider.id, by: fixture.receptionist)
        return visit
    }

    @Test func aVisitsInvoiceStartsWithItsConsultationAndOpeningAgainGivesTheSameOne() throws {
        _ = try priceList()
        let visit = try walkInVisit()
        let invoice = try store.openInvoice(patient: visit.patientID, visit: visit.id, currency: rupee, by: fixture.receptionist)
        let again = try store.openInvoice(patient: visit.patientID, visit: visit.id, currency: rupee, by: fixture.receptionist)
        #expect(again.id == invoice.id)
        let summary = try store.invoiceSummary(invoice.id)
        #expect(summary.charges.map(\.line.name) == ["Walk-in consultation — Dr Haddad"])
        #expect(summary.total == Money(minor: 50_000))
        #expect(try fixture.count("invoice") == 1)
        let changes = try fixture.lastChanges()
        #expect(Set(changes.map(\.table)) == ["invoice", "invoice_line"])
        #expect(try fixture.count("audit_event", where: "action = 'invoice.open'") == 1)
    }

    @Test func aPriceChangeLeavesChargedLinesAtTheirPrice() throws {
        let items = try priceList()
        let visit = try walkInVisit()
        let invoice = try store.openInvoice(patient: visit.patientID, visit: visit.id, currency: rupee, by: fixture.receptionist)
        try store.addCharge(items["DRESS"]!.id, quantity: 2, to: invoice.id, by: fixture.doctor)
        try store.savePriceItem(PriceItemDraft(code: "DRESS", name: "Wound dressing", category: .procedure, price: Money(minor: 30_000),
                                               taxRate: Rate(basisPoints: 1800)), editing: items["DRESS"]!.id, by: fixture.admin)
        let summary = try store.invoiceSummary(invoice.id)
        // 500 + 2 × 250 + 18% of 500 = 1,090.
        #expect(summary.total == Money(minor: 109_000))
        #expect(try store.priceList().first { $0.code == "DRESS" }?.price == Money(minor: 30_000))
        #expect(throws: StoreError.billing(BillingProblem("The code XRAY is already “Chest X-ray”."))) {
            try store.savePriceItem(PriceItemDraft(code: "xray", name: "Another", category: .lab, price: .zero, taxRate: .zero),
                                    by: fixture.admin)
        }
        #expect(throws: StoreError.notPermitted(role: .receptionist, permission: .managePrices)) {
            try store.savePriceItem(PriceItemDraft(code: "NEW", name: "New", category: .lab, price: .zero, taxRate: .zero),
                                    by: fixture.receptionist)
        }
    }

    @Test func cashWithChangeThenCardNumbersReceiptsWithoutGaps() throws {
        _ = try priceList()
        let visit = try walkInVisit()
        let invoice = try store.openInvoice(patient: visit.patientID, visit: visit.id, currency: rupee, by: fixture.receptionist)
        let cash = try store.takePayment(PaymentDraft(method: .cash, amount: Money(minor: 20_000), tendered: Money(minor: 50_000)),
                                         on: invoice.id, by: fixture.receptionist)
        #expect(cash.receipt.description == "TST-R000001")
        #expect(cash.change == Money(minor: 30_000))
        #expect(throws: StoreError.billing(BillingProblem("A card payment needs the terminal's reference."))) {
            try store.takePayment(PaymentDraft(method: .card, amount: Money(minor: 30_000)), on: invoice.id, by: fixture.receptionist)
        }
        #expect(throws: StoreError.billing(BillingProblem("400.00 is more than the 300.00 owed."))) {
            try store.takePayment(PaymentDraft(method: .card, amount: Money(minor: 40_000), reference: "A1"), on: invoice.id,
                                  by: fixture.receptionist)
        }
        let card = try store.takePayment(PaymentDraft(method: .card, amount: Money(minor: 30_000), reference: "AUTH 4411"),
                                         on: invoice.id, by: fixture.receptionist)
        #expect(card.receipt.description == "TST-R000002", "refused payments gave their numbers back")
        #expect(try store.invoiceSummary(invoice.id).standing == .paid)
        #expect(try store.balance(of: visit.patientID).isEmpty)
        #expect(throws: StoreError.notPermitted(role: .doctor, permission: .takePayments)) {
            try store.takePayment(PaymentDraft(method: .cash, amount: Money(minor: 1)), on: invoice.id, by: fixture.doctor)
        }
    }

    @Test func aRefundNeedsAnAdminAndAReasonAndIsANewEntry() throws {
        _ = try priceList()
        let visit = try walkInVisit()
        let invoice = try store.openInvoice(patient: visit.patientID, visit: visit.id, currency: rupee, by: fixture.receptionist)
        let upi = try store.takePayment(PaymentDraft(method: .upi, amount: Money(minor: 50_000), reference: "UPI-99"), on: invoice.id,
                                        by: fixture.receptionist)
        #expect(throws: StoreError.notPermitted(role: .receptionist, permission: .adjustBills)) {
            try store.refund(upi.id, amount: Money(minor: 10_000), reason: "overcharged", by: fixture.receptionist)
        }
        #expect(throws: StoreError.billing(BillingProblem("Give a reason for the refund."))) {
            try store.refund(upi.id, amount: Money(minor: 10_000), reason: " ", by: fixture.admin)
        }
        let refund = try store.refund(upi.id, amount: Money(minor: 10_000), reason: "senior citizen rate", by: fixture.admin)
        #expect(refund.kind == .refund && refund.method == .upi && refund.receipt.description == "TST-R000002")
        #expect(try fixture.count("payment") == 2, "the payment is kept; the refund is a row of its own")
        #expect(try store.balance(of: visit.patientID) == [rupee: Money(minor: 10_000)])
        #expect(throws: StoreError.billing(BillingProblem("Receipt TST-R000001 was partly refunded; refund the rest instead of voiding it."))) {
            try store.refund(upi.id, kind: .void, reason: "error", by: fixture.admin)
        }
        let receipt = try store.receipt("tst-r000002")
        #expect(receipt.payment.refundOf == upi.id && receipt.patientName == "Smith, John")
    }

    @Test func discountCancelAndVoidFollowTheRules() throws {
        let items = try priceList()
        let visit = try walkInVisit()
        let invoice = try store.openInvoice(patient: visit.patientID, visit: visit.id, currency: rupee, by: fixture.receptionist)
        let xray = try store.addCharge(items["XRAY"]!.id, to: invoice.id, by: fixture.doctor)
        #expect(throws: StoreError.notPermitted(role: .receptionist, permission: .adjustBills)) {
            try store.discount(xray.id, by: Money(minor: 10_000), reason: "staff", on: invoice.id, by: fixture.receptionist)
        }
        try store.discount(xray.id, by: Money(minor: 10_000), reason: "staff family", on: invoice.id, by: fixture.admin)
        #expect(try store.invoiceSummary(invoice.id).total == Money(minor: 120_000))
        try store.cancelCharge(xray.id, reason: "machine down", on: invoice.id, by: fixture.receptionist)
        #expect(try store.invoiceSummary(invoice.id).total == Money(minor: 50_000))
        let paid = try store.takePayment(PaymentDraft(method: .cash, amount: Money(minor: 50_000)), on: invoice.id, by: fixture.receptionist)
        #expect(throws: StoreError.billing(BillingProblem("Refund the 500.00 paid before voiding the invoice."))) {
            try store.voidInvoice(invoice.id, reason: "wrong patient", by: fixture.admin)
        }
        try store.refund(paid.id, kind: .void, reason: "wrong patient", by: fixture.admin)
        try store.voidInvoice(invoice.id, reason: "wrong patient", by: fixture.admin)
        #expect(try store.invoiceSummary(invoice.id).standing == .void)
        // A void invoice is not the visit's any more: opening again starts a new one.
        let fresh = try store.openInvoice(patient: visit.patientID, visit: visit.id, currency: rupee, by: fixture.receptionist)
        #expect(fresh.id != invoice.id)
        #expect(try fixture.count("invoice_line") == 6, "consultation, X-ray, discount, cancellation, void, and the new consultation")
    }

    @Test func theCashUpExpectsTheDrawersCashAndADifferenceNeedsANote() throws {
        _ = try priceList()
        let visit = try walkInVisit()
        let invoice = try store.openInvoice(patient: visit.patientID, visit: visit.id, currency: rupee, by: fixture.receptionist)
        try store.takePayment(PaymentDraft(method: .cash, amount: Money(minor: 30_000), tendered: Money(minor: 30_000)), on: invoice.id,
                              by: fixture.receptionist)
        try store.takePayment(PaymentDraft(method: .insurance, amount: Money(minor: 20_000), reference: "CLM-1", payer: "Star Health",
                                           policyNumber: "P-77"), on: invoice.id, by: fixture.receptionist)
        let today = CalendarDate(iso: "2026-11-20")!
        let cashUp = try store.cashUp(on: today, user: "rita", currency: rupee)
        #expect(cashUp.expectedCash == Money(minor: 30_000))
        #expect(cashUp.total == Money(minor: 50_000))
        #expect(throws: StoreError.billing(BillingProblem("The drawer is -20.00 against the 300.00 expected; add a note that explains it."))) {
            try store.recordCashCount(on: today, counted: Money(minor: 28_000), note: "", currency: rupee, by: fixture.receptionist)
        }
        let count = try store.recordCashCount(on: today, counted: Money(minor: 28_000), note: "gave 20 too much change",
                                              currency: rupee, by: fixture.receptionist)
        #expect(count.difference == Money(minor: -2_000))
        #expect(try store.cashUp(on: today, user: "rita", currency: rupee).latestCount?.note == "gave 20 too much change")
        #expect(try store.cashUp(on: today, user: "ada", currency: rupee).entries.isEmpty)
    }

    @Test func theDayListsVisitsToBillThenInvoices() throws {
        _ = try priceList()
        let visit = try walkInVisit()
        #expect(try store.billingDay(CalendarDate(iso: "2026-11-20")!).map { $0.summary == nil } == [true])
        try store.openInvoice(patient: visit.patientID, visit: visit.id, currency: rupee, by: fixture.receptionist)
        let day = try store.billingDay(CalendarDate(iso: "2026-11-20")!)
        #expect(day.count == 1)
        #expect(day.first?.summary?.standing == .unpaid(Money(minor: 50_000)))
        #expect(day.first?.patientName == "Smith, John" && day.first?.providerName == "Dr Haddad")
    }
}
