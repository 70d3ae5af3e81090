import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// Billing as reception sees it: the day to invoice, an invoice split over cash and card with a
/// discount, the cash form showing the change, and the cash-up after a count with a difference.
@Suite("Billing screens", .serialized)
struct BillingSnapshotTests {
    func driver(_ username: String, _ width: Int, _ height: Int) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        try fixture.seedPrices()
        try fixture.finishVisit(of: "García")
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: Size(width: width, height: height))
        try await driver.signIn(username)
        try await driver.keys("g b")
        return (fixture, driver)
    }

    @Test(arguments: [(120, 32), (80, 24)])
    func theDayToInvoice(width: Int, height: Int) async throws {
        let (_, driver) = try await driver("rosa", width, height)
        #expect(driver.text.contains("García, José"))
        assertSnapshot(driver.screen, named: "billing-day-\(width)x\(height)")
    }

    @Test(arguments: [(120, 32), (80, 24)])
    func anInvoiceWithADiscountPaidPartlyInCashAndByCard(width: Int, height: Int) async throws {
        var (_, driver) = try await driver("ada", width, height)
        try await driver.openInvoice(of: "García, José")
        try await driver.keys("a")
        for _ in 0..<3 { try await driver.keys("down") }
        try await driver.keys("ret")
        try await driver.keys("home d")
        await driver.type("10%")
        try await driver.keys("tab")
        await driver.type("Senior citizen")
        try await driver.keys("C-s")
        try await driver.pay(method: 0, amount: "300", fields: ["500"])
        try await driver.pay(method: 1, amount: "100", fields: ["AUTH 448812"])
        #expect(driver.invoice?.payments.count == 2)
        // A key clears the message (it names the receipt's folder, which differs from run to run).
        try await driver.keys("home")
        #expect(driver.state.message == nil)
        assertSnapshot(driver.screen, named: "invoice-\(width)x\(height)")
    }

    @Test func theCashFormShowsTheChange() async throws {
        var (_, driver) = try await driver("rosa", 120, 32)
        try await driver.openInvoice(of: "García, José")
        try await driver.keys("p ret tab")
        await driver.type("1000")
        #expect(driver.text.contains("Change to give: 400.00"))
        assertSnapshot(driver.screen, named: "payment-cash-120x32")
    }

    @Test(arguments: [(120, 32), (80, 24)])
    func theCashUpAfterACountWithADifference(width: Int, height: Int) async throws {
        var (_, driver) = try await driver("rosa", width, height)
        try await driver.openInvoice(of: "García, José")
        try await driver.pay(method: 0, amount: nil, fields: ["1000"])
        try await driver.keys("esc c n")
        await driver.type("350")
        try await driver.keys("tab")
        await driver.type("Short by 250, counted twice")
        try await driver.keys("C-s")
        #expect(driver.state.billing.cashUp?.counts.count == 1)
        assertSnapshot(driver.screen, named: "cash-up-\(width)x\(height)")
    }
}
