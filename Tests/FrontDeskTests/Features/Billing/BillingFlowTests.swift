import ClinicCore
import ClinicStore
import Foundation
@testable import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// Check-out at the desk, driven by keys against a real store: a finished visit invoiced and
/// paid in cash with change, every other method with its references, a refund with a reason,
/// and the day-end cash-up with a difference.
@Suite("Billing flow", .serialized)
struct BillingFlowTests {
    /// A clinic with its price list and García's visit finished; signed in as `username`, billing open.
    func start(_ username: String) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        try fixture.seedPrices()
        try fixture.finishVisit(of: "García")
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn(username)
        try await driver.keys("g b")
        return (fixture, driver)
    }

    @Test func aFinishedVisitIsInvoicedAndPaidInCashWithTheChangeShownAndAReceiptWritten() async throws {
        var (fixture, driver) = try await start("rosa")
        #expect(driver.text.contains("Billing — today · "), "\(driver.text)")
        #expect(driver.text.contains("to invoice"))
        try await driver.openInvoice(of: "García, José")
        let opened = try #require(driver.invoice)
        #expect(opened.charges.map(\.line.name).first?.contains("Dr Amina Haddad") == true, "the visit's consultation by its provider")
        #expect(driver.text.contains("García, José"))
        let owed = opened.balance
        #expect(owed.minor > 0)
        try await driver.keys("p ret")
        #expect(driver.text.contains("Payment by cash"))
        try await driver.keys("tab")
        await driver.type("2000")
        let change = Currency.rupee.format(Money(minor: 200_000) - owed)
        #expect(driver.text.contains("Change to give: \(change)"), "the change shows as the tendered amount is typed")
        try await driver.keys("C-s")
        let message = try #require(driver.state.message?.text)
        #expect(message.hasPrefix("Took \(Currency.rupee.format(owed)) by cash, receipt RVC-R000001. Change to give: \(change)."), "\(message)")
        let receipt = URL(fileURLWithPath: fixture.store.path).deletingLastPathComponent().appendingPathComponent("receipts/RVC-R000001.pdf")
        #expect(FileManager.default.fileExists(atPath: receipt.path), "the receipt is written")
        #expect(driver.invoice?.standing == .paid)
        #expect(driver.text.contains("RVC-R000001"), "the payment is listed with its receipt number")
        try await driver.keys("esc")
        #expect(driver.text.contains("paid"))
    }

    @Test func cardUPIInsuranceAndOtherEachTakeTheirReferencesAndSplitOneBill() async throws {
        var (fixture, driver) = try await start("rosa")
        try await driver.openInvoice(of: "García, José")
        try await driver.keys("a")
        #expect(driver.text.contains("Add a charge"))
        for _ in 0..<4 { try await driver.keys("down") }
        try await driver.keys("ret")
        #expect(driver.state.message?.text == "Charged XRAY Chest X-ray.")
        let total = try #require(driver.invoice).total
        try await driver.pay(method: 1, amount: "100", fields: [""])
        #expect(driver.text.contains("Type the card reference."), "a card payment needs the terminal's reference")
        #expect(driver.state.message?.text == "Not saved: one field needs attention.")
        #expect(driver.invoice?.payments.isEmpty == true, "nothing is saved")
        await driver.type("AUTH 448812")
        try await driver.keys("C-s")
        try await driver.pay(method: 2, amount: "150", fields: ["UPI-5521009"])
        try await driver.pay(method: 3, amount: "300", fields: ["Star Health", "POL-77", "CLM-9"])
        try await driver.pay(method: 4, amount: nil, fields: ["cheque 001234"])
        let paid = try #require(driver.invoice)
        #expect(paid.payments.map(\.method) == [.card, .upi, .insurance, .other])
        #expect(paid.payments.map(\.reference) == ["AUTH 448812", "UPI-5521009", "CLM-9", "cheque 001234"])
        #expect(paid.payments.last?.amount == total - Money(minor: 55_000), "other pays the rest")
        #expect(paid.standing == .paid)
        #expect(try fixture.store.invoiceSummary(paid.invoice.id).payments.count == 4, "all four are in the store")
        try await driver.keys("p")
        #expect(driver.state.message?.text == "Nothing is owed on this invoice.")
    }

    @Test func aRefundNeedsAnAdminAndAReasonAndIsANewEntry() async throws {
        var (fixture, driver) = try await start("rosa")
        try await driver.openInvoice(of: "García, José")
        try await driver.pay(method: 0, amount: nil, fields: [])
        try await driver.keys("end r")
        #expect(driver.state.message?.text.contains("receptionist") == true, "why not: \(driver.state.message?.text ?? "")")
        try await driver.keys("esc esc g x y")
        try await driver.signIn("ada")
        try await driver.keys("g b")
        try await driver.openInvoice(of: "García, José")
        try await driver.keys("end r")
        #expect(driver.text.contains("Refund receipt RVC-R000001"))
        try await driver.keys("tab C-s")
        #expect(driver.text.contains("Give a reason for the refund."), "the reason is asked for")
        #expect(driver.invoice?.payments.count == 1, "nothing saved without a reason")
        await driver.type("Paid twice")
        try await driver.keys("C-s")
        let after = try #require(driver.invoice)
        #expect(after.payments.map(\.kind) == [.payment, .refund])
        #expect(after.payments.last?.reason == "Paid twice")
        #expect(after.payments.last?.receipt.description == "RVC-R000002")
        #expect(after.paid.isZero && after.balance == after.total, "the money went back; the charge is owed again")
        #expect(try fixture.store.invoiceSummary(after.invoice.id).payments.first?.amount.minor ?? 0 > 0, "the payment itself is kept")
    }

    @Test func theCashUpShowsTheTakingsAndRecordsADifferenceWithItsNote() async throws {
        var (fixture, driver) = try await start("rosa")
        try await driver.openInvoice(of: "García, José")
        let owed = try #require(driver.invoice).balance
        try await driver.pay(method: 0, amount: nil, fields: [])
        try await driver.keys("esc c")
        let cashUp = try #require(driver.state.billing.cashUp)
        #expect(cashUp.expectedCash == owed)
        #expect(driver.text.contains(Currency.rupee.format(owed)))
        try await driver.keys("n")
        #expect(driver.text.contains("Count the drawer"))
        await driver.type("350")
        try await driver.keys("C-s")
        #expect(driver.state.message?.text.hasSuffix("expected; add a note that explains it.") == true,
                "a difference needs a note: \(driver.state.message?.text ?? "")")
        #expect(driver.text.contains("Count the drawer"), "the form stays open to add it")
        #expect(try fixture.store.cashUp(on: fixture.store.today(), user: "rosa", currency: .rupee).counts.isEmpty)
        try await driver.keys("tab")
        await driver.type("gave change from the wrong drawer")
        try await driver.keys("C-s")
        let difference = Money(minor: 35_000) - owed
        #expect(driver.state.message?.text
                == "Counted 350.00: \(CashUpWords.difference(difference, currency: .rupee)).")
        let stored = try fixture.store.cashUp(on: fixture.store.today(), user: "rosa", currency: .rupee)
        #expect(stored.counts.last?.note == "gave change from the wrong drawer")
        #expect(stored.counts.last?.difference == difference)
    }
}
