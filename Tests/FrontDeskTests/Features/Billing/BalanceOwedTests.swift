import ClinicCore
import ClinicStore
import Foundation
@testable import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// What a patient owes from earlier bills reaches the desk where it is needed: marked in the
/// queue for those who take payments (not for the doctor), said on the card with the key that
/// opens the bill, and gone from both as soon as it is paid — on every terminal.
@Suite("Balance owed", .serialized)
struct BalanceOwedTests {
    /// Smith (waiting) was charged a dressing at the desk earlier and has not paid: 250.00 + 18% tax.
    func clinic() throws -> (DeskFixture, Invoice) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        let prices = try fixture.seedPrices()
        let smith = fixture.patients["Smith"]!
        let invoice = try fixture.store.openInvoice(patient: smith.id, currency: .rupee, by: fixture.receptionist)
        try fixture.store.addCharge(prices["DRESS"]!.id, to: invoice.id, by: fixture.receptionist)
        return (fixture, invoice)
    }

    static func queueRow(_ name: String, in text: String) -> String? {
        text.split(separator: "\n").map(String.init).first { $0.contains(name) && ($0.contains("waiting") || $0.contains("late")) }
    }

    @Test func receptionSeesWhoOwesInTheQueueAndTheDoctorDoesNot() async throws {
        let (fixture, _) = try clinic()
        var reception = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await reception.signIn("rosa")
        #expect(Self.queueRow("Smith, John", in: reception.text)?.contains("$ Smith, John") == true, "\(reception.text)")
        #expect(reception.text.contains("$ 1 owing"))
        #expect(Self.queueRow("Nguyễn", in: reception.text)?.contains("$") == false, "only who owes is marked")

        var doctor = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await doctor.signIn("amina")
        try await doctor.keys("F2 m")
        #expect(doctor.text.contains("Smith, John"), "\(doctor.text)")
        #expect(!doctor.text.contains("$ Smith") && !doctor.text.contains("$ 1 owing"), "money is not the doctor’s business here:\n\(doctor.text)")
    }

    @Test func theCardSaysWhatIsOwedAndPayingClearsItEverywhere() async throws {
        let (fixture, invoice) = try clinic()
        var reception = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await reception.signIn("rosa")
        try await reception.keys("F2 home ret")
        #expect(reception.text.contains("Balance    owes INR 295.00"), "\(reception.text)")
        #expect(reception.text.contains("$ bill"), "the key to the bill is in the card's footer")

        // Paid at another terminal: this one hears the commit and both marks go.
        _ = try fixture.store.takePayment(PaymentDraft(method: .upi, amount: Money(minor: 29_500), reference: "UPI-1"),
                                          on: invoice.id, by: fixture.receptionist)
        await reception.send(.storeChanged(ChangedData([.billing])))
        #expect(!reception.text.contains("Balance    owes"), "\(reception.text)")
        try await reception.keys("esc")
        #expect(Self.queueRow("Smith, John", in: reception.text)?.contains("$") == false, "\(reception.text)")
        #expect(!reception.text.contains("$ 1 owing"))
    }

    @Test func anOverpaymentSaysARefundIsDue() async throws {
        let (fixture, invoice) = try clinic()
        let summary = try fixture.store.invoiceSummary(invoice.id)
        _ = try fixture.store.takePayment(PaymentDraft(method: .card, amount: summary.balance, reference: "AUTH 1"), on: invoice.id,
                                          by: fixture.receptionist)
        _ = try fixture.store.cancelCharge(summary.charges[0].line.id, reason: "not done", on: invoice.id, by: fixture.admin)
        var reception = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await reception.signIn("rosa")
        #expect(reception.text.contains("$ 1 refund") && !reception.text.contains("$ 1 owing"), "an overpayment is not owing:\n\(reception.text)")
        try await reception.keys("F2 home ret")
        #expect(reception.text.contains("overpaid by INR 295.00 — refund due"), "\(reception.text)")
    }
}
