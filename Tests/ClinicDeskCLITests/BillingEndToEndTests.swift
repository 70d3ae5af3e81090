import ClinicCore
import ClinicStore
import Foundation
import Testing

/// Check-out in the real binary: a walk-in's visit is finished by the doctor; at the desk the
/// receptionist finds it to invoice, takes cash with the change shown, the receipt is written as
/// a PDF that reads back with the patient, the charge, the method and its number, and the
/// cash-up counts it. A patient who still owes from before shows it in the queue and on the card.
@Suite("Billing end to end in tmux", .serialized)
struct BillingEndToEndTests {
    @Test func aFinishedVisitIsInvoicedPaidInCashWithChangeAndTheCashUpShowsIt() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "300", "--no-ui", "--db", db])
        let store = try ClinicStore.open(at: db)
        let doctor = Author(user: try #require(try store.users().first { $0.username == "doctor" }))
        let desk = Author(user: try #require(try store.users().first { $0.username == "receptionist" }))
        // Wendt came in without an appointment and has been seen.
        let wendt = try store.registerPatient(PatientDetails(familyName: "Wendt", givenName: "Ilse"), by: desk)
        let visit = try store.checkInWalkIn(patient: wendt.id, by: desk)
        _ = try store.startConsultation(visit.id, by: doctor)
        _ = try store.finishVisit(visit.id, outcome: .done, by: doctor)
        // Quist bought a certificate last time and has not paid; she is waiting now.
        let quist = try store.registerPatient(PatientDetails(familyName: "Quist", givenName: "Maren"), by: desk)
        let certificate = try #require(try store.priceList().first { $0.code == "CERT" })
        let unpaid = try store.openInvoice(patient: quist.id, currency: .rupee, by: desk)
        try store.addCharge(certificate.id, to: unpaid.id, by: desk)
        let owed = try store.invoiceSummary(unpaid.id).balance
        _ = try store.checkInWalkIn(patient: quist.id, by: desk)

        let reception = try TmuxSession(width: 120, height: 32, command: runner.appCommand(db: db))
        try reception.signIn("receptionist")
        // The queue pane is narrow beside the others: a "$" marks who owes, the title counts them.
        let owing = try reception.waitUntil("Quist's row marked as owing") { screen in
            VisitEndToEndTests.queueRow("Quist", in: screen)?.contains("$ Quist, Maren") == true
        }
        #expect(owing.contains("$ 1 owing"), "\(owing)")

        try reception.press("g", "b")
        try reception.waitFor("Billing — today")
        try reception.press("/")
        try reception.type("wendt")
        try reception.press("Enter")
        try reception.waitUntil("Wendt to invoice") { $0.split(separator: "\n").contains { $0.contains("Wendt") && $0.contains("to invoice") } }
        try reception.press("Enter")
        try reception.waitFor("Walk-in consultation")
        try reception.press("p")
        try reception.waitFor("Take a payment")
        try reception.press("Enter")
        try reception.waitFor("Payment by cash")
        try reception.press("Tab")
        try reception.type("1000")
        try reception.waitFor("Change to give: 500.00")
        try reception.press("C-s")
        let took = try reception.waitFor("Took 500.00 by cash, receipt ")

        let summary = try #require(try store.billingDay(store.today()).first { $0.patientID == wendt.id }?.summary)
        let receipt = try #require(summary.payments.first).receipt.description
        #expect(took.contains("receipt \(receipt). Change to give: 500.00."), "\(took)")
        #expect(summary.standing == .paid)
        let file = try #require(Self.file(named: "\(receipt).pdf", under: runner.home), "the receipt is written")
        let text = try runner.tool("pdftotext", ["-layout", file.path, "-"])
        for expected in ["Receipt \(receipt)", "Wendt, Ilse", wendt.mrn.description, "Walk-in consultation", "INR 500.00", "cash",
                         "1,000.00"] {
            #expect(text.contains(expected), "the receipt says \(expected):\n\(text)")
        }

        try reception.press("Escape")
        try reception.waitUntil("the invoice closed") { !$0.contains("Payment by cash") && $0.contains("Billing — today") }
        try reception.press("c")
        let expected = try store.cashUp(on: store.today(), user: "receptionist", currency: .rupee).expectedCash
        #expect(expected >= Money(minor: 50_000))
        let cashUp = try reception.waitFor("Cash expected in the drawer: \(Currency.rupee.format(expected))")
        #expect(cashUp.contains("Cash-up — \(store.today())"), "\(cashUp)")

        // Quist's card says what she owes and puts her bill one key away.
        try reception.press("Escape", "Escape", "F3")
        try reception.type("quist")
        try reception.waitFor("Quist, Maren")
        try reception.press("Enter")
        let card = try reception.waitFor("owes INR \(Currency.rupee.format(owed))")
        #expect(card.contains("$ bill"), "\(card)")
        try reception.press("C-q")
        try reception.press("y")
    }

    static func file(named name: String, under folder: URL) -> URL? {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let next = files?.nextObject() as? URL {
            if next.lastPathComponent == name { return next }
        }
        return nil
    }
}
