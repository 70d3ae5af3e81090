import ClinicCore
import ClinicDemo
import ClinicStore
import Foundation
import Testing

/// `clinicdesk demo` has money to try billing and the cash-up with at once: a price list, the
/// week's visits invoiced and paid by every method, a refund, a short drawer, owing patients,
/// and today's latest visits left to invoice.
@Suite("Demo clinic billing", .serialized)
struct DemoBillingTests {
    /// Hashes nothing: the demo's logins are not what this suite is about.
    struct PlainHasher: PasswordHasher {
        func hash(_ password: String) throws -> String { "plain:" + password }
        func verify(_ password: String, against encoded: String) -> Bool { encoded == "plain:" + password }
        var decoyHash: String { "plain:" }
    }

    /// A demo built on a Wednesday at 16:30: Monday and Tuesday are behind it, today is half done.
    static let wednesday = CalendarDate(iso: "2026-12-09")!

    func build() throws -> (ClinicStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-billing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("demo.sqlite").path
        let now = Date(timeIntervalSince1970: Double(Self.wednesday.daysSinceEpoch) * 86_400 + 16.5 * 3_600)
        _ = try DemoClinic(options: .init(patients: 300, seed: 7, timeZone: .gmt), hasher: PlainHasher(), clock: .fixed(now))
            .build(at: path)
        return (try ClinicStore.open(at: path), folder)
    }

    @Test func theWeekIsInvoicedAndPaidByEveryMethodWithARefundAShortDrawerAndVisitsLeftToInvoice() throws {
        let (store, folder) = try build()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try store.priceList().map(\.code).sorted()
            == ["CBC", "CERT", "CONS-FOLLOW", "CONS-NEW", "CONS-WALKIN", "DRESS", "ECG", "HBA1C", "NEB", "XRAY"])

        let monday = Self.wednesday.adding(days: -2)
        let days = [monday, monday.adding(days: 1), Self.wednesday]
        let listings = try days.flatMap { try store.billingDay($0) }
        let invoices = listings.compactMap(\.summary)
        #expect(invoices.count > 30, "the week's visits are invoiced: \(invoices.count)")
        let payments = invoices.flatMap(\.payments)
        #expect(Set(payments.map(\.method)) == Set(PaymentMethod.allCases), "every method is used")
        #expect(payments.contains { $0.method == .cash && ($0.change?.minor ?? 0) > 0 }, "cash with change given")
        #expect(payments.contains { $0.method == .insurance && !$0.payer.isEmpty && !$0.policyNumber.isEmpty && !$0.reference.isEmpty })
        let refunds = payments.filter { $0.kind == .refund }
        #expect(refunds.count == 1 && refunds.first?.reason.isEmpty == false, "one refund, with its reason")
        #expect(invoices.contains { $0.charges.contains(where: \.isCancelled) }, "the refunded procedure was cancelled")
        #expect(invoices.contains { $0.discount.minor > 0 }, "a senior citizen's discount")
        #expect(invoices.contains { if case .unpaid = $0.standing { true } else { false } }, "someone still owes")
        #expect(!invoices.contains { if case .overpaid = $0.standing { true } else { false } }, "nobody is left overpaid")

        let receipts = payments.map(\.receipt.description).sorted()
        #expect(Set(receipts).count == receipts.count, "receipt numbers are unique")
        #expect(receipts.first == "RFC-R000001")

        let tuesday = try store.cashUp(on: monday.adding(days: 1), user: "receptionist", currency: .rupee)
        #expect(tuesday.latestCount?.difference == Money(minor: -2_000), "Tuesday's drawer was short by 20.00")
        #expect(tuesday.latestCount?.note.isEmpty == false)
        #expect(try store.cashUp(on: monday, user: "receptionist", currency: .rupee).latestCount?.difference == .zero)
        #expect(try store.cashUp(on: Self.wednesday, user: "receptionist", currency: .rupee).counts.isEmpty,
                "today's drawer is left for the desk to count")

        let today = try store.billingDay(Self.wednesday)
        #expect(today.contains { $0.summary == nil && $0.visit?.status == .done }, "a finished visit waits to be invoiced today")
    }
}
