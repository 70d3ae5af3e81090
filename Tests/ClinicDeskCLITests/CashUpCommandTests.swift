import ClinicCore
import ClinicStore
import Foundation
import Testing

/// `clinicdesk report cash-up`: a receptionist's day at the till by method, the drawer count and
/// its difference, as a table, as CSV and as a printable sheet; everyone's takings for an admin.
@Suite("clinicdesk report cash-up", .serialized)
struct CashUpCommandTests {
    /// A clinic where rosa took 400.00 cash (500.00 tendered) and 200.00 by card on one invoice, ada
    /// gave 50.00 of the cash back, and rosa counted 390.00 in her drawer with a note.
    func clinic() throws -> (CommandRunner, String) {
        let runner = try CommandRunner()
        let db = runner.path("clinic.sqlite")
        try runner.run(["init", "--clinic", "Hillview Clinic", "--admin", "ada", "--mrn-prefix", "hc", "--password-stdin", "--db", db],
                       input: "password-1\n")
        try runner.run(["user", "add", "rosa", "--role", "receptionist", "--as", "ada", "--password-stdin", "--db", db],
                       input: "password-1\nrosa-password\n")
        let store = try ClinicStore.open(at: db)
        let ada = Author(user: try #require(try store.users().first { $0.username == "ada" }))
        let rosa = Author(user: try #require(try store.users().first { $0.username == "rosa" }))
        let item = try store.savePriceItem(PriceItemDraft(code: "CONS", name: "Consultation", category: .consultation,
                                                          price: Money(minor: 60_000), taxRate: .zero), by: ada)
        let patient = try store.registerPatient(PatientDetails(familyName: "Okafor", givenName: "Ada"), by: rosa)
        let invoice = try store.openInvoice(patient: patient.id, currency: .rupee, by: rosa)
        try store.addCharge(item.id, to: invoice.id, by: rosa)
        let cash = try store.takePayment(PaymentDraft(method: .cash, amount: Money(minor: 40_000), tendered: Money(minor: 50_000)),
                                         on: invoice.id, by: rosa)
        try store.takePayment(PaymentDraft(method: .card, amount: Money(minor: 20_000), reference: "AUTH 1"), on: invoice.id, by: rosa)
        try store.refund(cash.id, amount: Money(minor: 5_000), reason: "charged twice for the dressing", by: ada)
        try store.recordCashCount(on: store.today(), counted: Money(minor: 39_000), note: "a note short", currency: .rupee, by: rosa)
        return (runner, db)
    }

    @Test func aReceptionistSeesHerTakingsByMethodAndHerCountWithItsDifference() throws {
        let (runner, db) = try clinic()
        defer { runner.remove() }
        let result = try runner.run(["report", "cash-up", "--as", "rosa", "--password-stdin", "--db", db], input: "rosa-password\n")
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("— till HC — rosa") == true, "\(result.output)")
        #expect(lines.contains { $0.contains("cash") && $0.contains("1 entries") && $0.contains("400.00") })
        #expect(lines.contains { $0.contains("card") && $0.contains("200.00") })
        #expect(result.output.contains("Total taken INR 600.00; cash expected in the drawer 400.00"))
        #expect(result.output.contains("by rosa: short by 10.00 — a note short"), "\(result.output)")
    }

    @Test func csvHasOneRowPerMethodAndPerCount() throws {
        let (runner, db) = try clinic()
        defer { runner.remove() }
        let result = try runner.run(["report", "cash-up", "--csv", "--as", "rosa", "--password-stdin", "--db", db], input: "rosa-password\n")
        #expect(result.status == 0, "\(result.error)")
        let rows = result.output.split(separator: "\n").map(String.init)
        #expect(rows.count == 1 + 5 + 1, "a header, five methods, one count:\n\(result.output)")
        #expect(rows[1] == "method,cash,1,400.00,0.00,400.00,")
        #expect(rows[2] == "method,card,1,200.00,0.00,200.00,")
        #expect(rows[3] == "method,upi,0,0.00,0.00,0.00,")
        #expect(rows[6].hasPrefix("count,") && rows[6].hasSuffix(",rosa,400.00,390.00,-10.00,a note short"), "\(rows[6])")
    }

    @Test func anAdminSeesEveryonesTakingsWithTheRefundAndPrintsTheSheet() throws {
        let (runner, db) = try clinic()
        defer { runner.remove() }
        let pdf = runner.path("cash-up.pdf")
        let result = try runner.run(["report", "cash-up", "--everyone", "--pdf", pdf, "--as", "ada", "--password-stdin", "--db", db],
                                    input: "password-1\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("— everyone"), "\(result.output)")
        #expect(result.output.contains("cash expected in the drawer 350.00"), "the refund came out of the drawer:\n\(result.output)")
        #expect(result.output.contains("Total taken INR 550.00"))
        #expect(result.output.contains("Wrote the sheet to \(pdf)."))
        let text = try runner.tool("pdftotext", ["-layout", pdf, "-"])
        #expect(text.contains("Cash-up") && text.contains("Hillview Clinic"), "\(text)")
        #expect(text.split(separator: "\n").contains { $0.contains("cash") && $0.contains("400.00") && $0.contains("50.00") && $0.contains("350.00") },
                "the cash line: received, given back, net:\n\(text)")
        #expect(text.contains("a note short"))
    }

    @Test func aNurseIsToldSheMayNotAndABadDayIsNamed() throws {
        let (runner, db) = try clinic()
        defer { runner.remove() }
        try runner.run(["user", "add", "nina", "--role", "nurse", "--as", "ada", "--password-stdin", "--db", db],
                       input: "password-1\nnina-password\n")
        let nurse = try runner.run(["report", "cash-up", "--as", "nina", "--password-stdin", "--db", db], input: "nina-password\n")
        #expect(nurse.status != 0)
        #expect(nurse.error == "Error: A nurse may not take payments.\n", "\(nurse.error)")
        let badDay = try runner.run(["report", "cash-up", "--day", "08/12/2026", "--as", "rosa", "--password-stdin", "--db", db],
                                    input: "rosa-password\n")
        #expect(badDay.error == "Error: --day “08/12/2026” is not a date; write YYYY-MM-DD.\n", "\(badDay.error)")
        let both = try runner.run(["report", "cash-up", "--everyone", "--user", "rosa", "--as", "ada", "--password-stdin", "--db", db],
                                  input: "password-1\n")
        #expect(both.error == "Error: Give --user or --everyone, not both.\n")
    }
}
