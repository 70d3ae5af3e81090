import ClinicCore
import ClinicServerTesting
import ClinicStore
import ClinicSync
import Foundation
import Testing

extension SyncSuite {
    /// Payments are append-only facts: two devices taking the same bill offline both keep theirs.
    @Suite("Payments taken offline on two devices", .serialized)
    struct BillingSyncTests {
        @Test func bothPaymentsOnOneInvoiceSurviveSyncAndTheOverpaymentIsShownForARefund() async throws {
            try await SyncWorld.run { world in
                let a = try await world.device("a", clinic: "Riverside")
                let b = try await world.device("b", clinic: "Riverside")
                let rupee = Currency.rupee
                let consult = try a.store.savePriceItem(
                    PriceItemDraft(code: "CONS-WALKIN", name: "Walk-in consultation", category: .consultation,
                                   price: Money(minor: 50_000), taxRate: .zero), by: .system("test"))
                let lee = try a.register("Lee", "Ann")
                let invoice = try a.store.openInvoice(patient: lee.id, currency: rupee, by: a.receptionist)
                try a.store.addCharge(consult.id, to: invoice.id, by: a.receptionist)
                await a.sync()
                await b.sync()
                #expect(try b.store.invoiceSummary(invoice.id).balance == Money(minor: 50_000))

                // The network is down; the patient pays at one desk, their relative at the other.
                let atA = try a.store.takePayment(PaymentDraft(method: .cash, amount: Money(minor: 50_000)), on: invoice.id,
                                                  by: a.receptionist)
                b.clock.advance(by: 20)
                let atB = try b.store.takePayment(PaymentDraft(method: .upi, amount: Money(minor: 50_000), reference: "UPI-1"),
                                                  on: invoice.id, by: b.receptionist)
                #expect(atA.receipt != atB.receipt, "each device numbers its own receipts")
                for device in [a, b, a] { await device.sync() }

                for device in [a, b] {
                    let summary = try device.store.invoiceSummary(invoice.id)
                    #expect(Set(summary.payments.map(\.id)) == [atA.id, atB.id], "\(device.name) keeps both payments")
                    #expect(summary.standing == .overpaid(Money(minor: 50_000)), "\(device.name) shows the overpayment")
                    #expect(try device.store.balance(of: lee.id) == [rupee: Money(minor: -50_000)])
                    #expect(try await device.matchesServer())
                }
                // The admin refunds one at either device; both agree afterwards.
                let admin = Author(user: try b.store.createUser(username: "ada-b", displayName: "Ada", role: .admin,
                                                                passwordHash: "x", by: .system("test")))
                try b.store.refund(atB.id, reason: "paid twice", by: admin)
                for device in [b, a] { await device.sync() }
                #expect(try a.store.invoiceSummary(invoice.id).standing == .paid)
            }
        }
    }
}
