import ClinicCore
import Foundation
import Testing

@Suite("Billing arithmetic")
struct BillingArithmeticTests {
    static let rupee = Currency.rupee
    static let at = Date(timeIntervalSince1970: 1_795_168_800)
    let invoice = Invoice(id: EntityID(UUID()), patientID: EntityID(UUID()), visitID: nil, currency: rupee, openedAt: at, openedBy: "rita")

    func charge(_ name: String, _ price: Int, qty: Int = 1, tax: Int = 0) -> InvoiceLine {
        InvoiceLine(id: EntityID(UUID()), invoiceID: invoice.id, kind: .charge, code: name.uppercased(), name: name, quantity: qty,
                    unitPrice: Money(minor: price), taxRate: Rate(basisPoints: tax), addedAt: Self.at, addedBy: "rita")
    }

    func payment(_ amount: Int, _ method: PaymentMethod = .cash, kind: Payment.Kind = .payment, of original: Payment? = nil,
                 serial: Int) -> Payment {
        Payment(id: EntityID(UUID()), invoiceID: invoice.id, patientID: invoice.patientID, kind: kind, method: method,
                amount: Money(minor: amount), refundOf: original?.id, receipt: ReceiptNumber(prefix: "RFC", serial: serial),
                takenAt: Self.at.addingTimeInterval(Double(serial)), takenBy: nil, takenByName: "rita", device: "RFC")
    }

    @Test func amountsAreParsedAndPrintedInMinorUnitsWithoutFloatingPoint() {
        #expect(Self.rupee.parse("250") == Money(minor: 25_000))
        #expect(Self.rupee.parse("250.5") == Money(minor: 25_050))
        #expect(Self.rupee.parse(" 1,250.05 ") == Money(minor: 125_005))
        #expect(Self.rupee.parse(".5") == Money(minor: 50))
        #expect(Self.rupee.parse("250.555") == nil, "more digits than paise")
        #expect(Self.rupee.parse("-5") == nil)
        #expect(Self.rupee.parse("12a") == nil)
        #expect(Self.rupee.parse("") == nil)
        #expect(Self.rupee.format(Money(minor: 123_456_789)) == "1,234,567.89")
        #expect(Self.rupee.format(Money(minor: -5)) == "-0.05")
        let yen = Currency(code: "jpy")!
        #expect(yen.parse("1500") == Money(minor: 1500))
        #expect(yen.parse("1500.5") == nil)
        #expect(yen.format(Money(minor: 1500)) == "1,500")
        #expect(Currency(code: "KWD")!.format(Money(minor: 1234)) == "1.234")
        #expect(Currency(code: "RUPEES") == nil)
        #expect(Rate(text: "12.5%") == Rate(basisPoints: 1250))
        #expect(Rate(text: "101") == nil)
        #expect(Rate(basisPoints: 1250).description == "12.5%")
        #expect(Rate(basisPoints: 1805).description == "18.05%")
    }

    @Test func taxIsPerLineAfterDiscountRoundedHalfAwayFromZero() {
        // 18% of 0.25 is 0.045 → 0.05 (half up); 18% of 0.24 is 0.0432 → 0.04.
        #expect(Rate(basisPoints: 1800).of(Money(minor: 25)) == Money(minor: 5))
        #expect(Rate(basisPoints: 1800).of(Money(minor: 24)) == Money(minor: 4))
        #expect(Rate(basisPoints: 1800).of(Money(minor: -25)) == Money(minor: -5), "away from zero for negatives")
        let consult = charge("Consultation", 50_000)
        let dressing = charge("Dressing", 12_345, qty: 2, tax: 1800)
        let discount = InvoiceLine(id: EntityID(UUID()), invoiceID: invoice.id, kind: .discount, name: "Discount", unitPrice: Money(minor: 690),
                                   taxRate: Rate(basisPoints: 1800), target: dressing.id, reason: "staff", addedAt: Self.at, addedBy: "ada")
        let summary = InvoiceSummary(invoice: invoice, lines: [consult, dressing, discount], payments: [])
        #expect(summary.subtotal == Money(minor: 74_690))
        #expect(summary.discount == Money(minor: 690))
        // (24,690 − 690) × 18% = 4,320 exactly.
        #expect(summary.tax == Money(minor: 4_320))
        #expect(summary.total == Money(minor: 50_000 + 24_000 + 4_320))
        #expect(summary.standing == .unpaid(Money(minor: 78_320)))
        #expect(summary.standing.words(Self.rupee) == "owes 783.20")
    }

    @Test func partAndSplitPaymentsAndChangeDue() throws {
        let consult = charge("Consultation", 50_000)
        var summary = InvoiceSummary(invoice: invoice, lines: [consult], payments: [])
        try BillingRules.payment(Money(minor: 20_000), tendered: Money(minor: 50_000), method: .cash, on: summary)
        let cash = Payment(id: EntityID(UUID()), invoiceID: invoice.id, patientID: invoice.patientID, kind: .payment, method: .cash,
                           amount: Money(minor: 20_000), tendered: Money(minor: 50_000), receipt: ReceiptNumber(prefix: "RFC", serial: 1),
                           takenAt: Self.at, takenBy: nil, takenByName: "rita", device: "RFC")
        #expect(cash.change == Money(minor: 30_000))
        summary.payments.append(cash)
        #expect(summary.standing == .partlyPaid(Money(minor: 30_000)))
        #expect(throws: BillingProblem("400.00 is more than the 300.00 owed.")) {
            try BillingRules.payment(Money(minor: 40_000), tendered: nil, method: .upi, on: summary)
        }
        #expect(throws: BillingProblem("100.00 tendered is less than the 300.00 to pay.")) {
            try BillingRules.payment(Money(minor: 30_000), tendered: Money(minor: 10_000), method: .cash, on: summary)
        }
        summary.payments.append(payment(30_000, .upi, serial: 2))
        #expect(summary.standing == .paid)
        #expect(throws: BillingProblem("Nothing is owed on this invoice.")) {
            try BillingRules.payment(Money(minor: 1), tendered: nil, method: .card, on: summary)
        }
    }

    @Test func refundsAndVoidsReverseWithoutEditing() throws {
        let consult = charge("Consultation", 50_000)
        let paid = payment(50_000, .card, serial: 1)
        var summary = InvoiceSummary(invoice: invoice, lines: [consult], payments: [paid])
        #expect(throws: BillingProblem("Refund the 500.00 paid before voiding the invoice.")) { try BillingRules.void(summary) }
        try BillingRules.refund(Money(minor: 20_000), of: paid, in: summary)
        summary.payments.append(payment(20_000, .card, kind: .refund, of: paid, serial: 2))
        #expect(summary.refundable(paid) == Money(minor: 30_000))
        #expect(summary.paid == Money(minor: 30_000))
        #expect(summary.standing == .partlyPaid(Money(minor: 20_000)))
        #expect(throws: BillingProblem("400.00 is more than the 300.00 left of receipt RFC-R000001.")) {
            try BillingRules.refund(Money(minor: 40_000), of: paid, in: summary)
        }
        summary.payments.append(payment(30_000, .card, kind: .refund, of: paid, serial: 3))
        try BillingRules.void(summary)
        let void = InvoiceLine(id: EntityID(UUID()), invoiceID: invoice.id, kind: .void, name: "Void", reason: "wrong patient",
                               addedAt: Self.at, addedBy: "ada")
        summary.lines.append(void)
        #expect(summary.total == .zero)
        #expect(summary.standing == .void)
        #expect(throws: BillingProblem("This invoice is void.")) {
            try BillingRules.charge(quantity: 1, price: Money(minor: 1), on: summary)
        }
    }

    @Test func aCancelledChargeAfterPaymentLeavesAnOverpaymentToRefund() throws {
        let consult = charge("Consultation", 50_000)
        let xray = charge("X-ray", 30_000)
        let cancel = InvoiceLine(id: EntityID(UUID()), invoiceID: invoice.id, kind: .cancellation, name: "Cancelled X-ray", target: xray.id,
                                 reason: "not done", addedAt: Self.at, addedBy: "ada")
        let summary = InvoiceSummary(invoice: invoice, lines: [consult, xray, cancel], payments: [payment(80_000, serial: 1)])
        #expect(summary.total == Money(minor: 50_000))
        #expect(summary.standing == .overpaid(Money(minor: 30_000)))
        #expect(summary.standing.words(Self.rupee) == "overpaid by 300.00 — refund due")
        #expect(throws: BillingProblem("“X-ray” was cancelled already.")) { try BillingRules.cancel(xray.id, in: summary) }
        #expect(throws: BillingProblem("A discount of 600.00 is more than the 500.00 left on “Consultation”.")) {
            try BillingRules.discount(Money(minor: 60_000), on: consult.id, in: summary)
        }
        #expect(throws: BillingProblem("Give a reason for the discount.")) { try BillingRules.reason("  ", for: "discount") }
    }

    @Test func theCashUpTotalsEachMethodAndExpectsTheNetCash() {
        let first = payment(50_000, .cash, serial: 1)
        let entries = [first, payment(20_000, .card, serial: 2), payment(10_000, .upi, serial: 3),
                       payment(5_000, .cash, kind: .refund, of: first, serial: 4), payment(70_000, .insurance, serial: 5)]
        let count = CashCount(id: EntityID(UUID()), day: CalendarDate(iso: "2026-11-20")!, device: "RFC", userID: nil, userName: "rita",
                              currency: Self.rupee, expected: Money(minor: 45_000), counted: Money(minor: 44_000), note: "short",
                              countedAt: Self.at)
        let cashUp = CashUp(day: CalendarDate(iso: "2026-11-20")!, device: "RFC", userName: "rita", currency: Self.rupee,
                            entries: entries, counts: [count])
        #expect(cashUp.byMethod.map(\.method) == PaymentMethod.allCases)
        #expect(cashUp.expectedCash == Money(minor: 45_000))
        #expect(cashUp.byMethod.map(\.net.minor) == [45_000, 20_000, 10_000, 70_000, 0])
        #expect(cashUp.total == Money(minor: 145_000))
        #expect(CashUpWords.difference(count.difference, currency: Self.rupee) == "short by 10.00")
        #expect(ReceiptNumber("rfc-r000042") == ReceiptNumber(prefix: "RFC", serial: 42))
        #expect(ReceiptNumber(prefix: "RFC", serial: 42).description == "RFC-R000042")
    }
}
