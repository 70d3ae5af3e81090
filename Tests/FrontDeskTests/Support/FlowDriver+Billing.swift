import ClinicCore
@testable import FrontDesk
import Testing

extension FlowDriver {
    /// On billing's day list, selects `patientName` and opens (or starts) their invoice.
    mutating func openInvoice(of patientName: String) async throws {
        try await keys("home")
        for _ in state.billing.rows where BillingFeature.selected(state.billing)?.patientName != patientName {
            try await keys("down")
        }
        #expect(BillingFeature.selected(state.billing)?.patientName == patientName)
        try await keys("ret")
        #expect(state.billing.invoice?.summary != nil, "the invoice is open")
    }

    /// On an invoice, takes a payment by the method at `index` of the method list: the amount
    /// typed over the one owed (kept when nil), then each of `fields` in turn, and saves.
    mutating func pay(method index: Int, amount: String?, fields: [String]) async throws {
        try await keys("p")
        for _ in 0..<index { try await keys("down") }
        try await keys("ret")
        if let amount {
            try await keys("C-u")
            await type(amount)
        }
        for field in fields {
            try await keys("tab")
            await type(field)
        }
        try await keys("C-s")
    }

    /// The invoice on screen, once loaded.
    var invoice: InvoiceSummary? { state.billing.invoice?.summary }
}
