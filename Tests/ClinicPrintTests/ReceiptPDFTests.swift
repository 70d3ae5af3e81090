import Foundation
import Testing

@testable import ClinicPrint

/// Receipts and the cash-up sheet read back with `pdftotext`, as a patient's insurer or the
/// clinic's accountant would read the printout: who paid, for what, how much, how, and its number.
@Suite(.enabled(if: ExternalTool.available("pdftotext")))
struct ReceiptPDFTests {
    static let receipt = ReceiptContent(
        clinicName: "Riverside Family Clinic", clinicAddressLines: ["12 Mill Road"], title: "Receipt", number: "RFC-R000042",
        dateTime: "8 Dec 2026 10:41", patientName: "محمد عبد الله", patientMRN: "RFC-000117", takenBy: "rosa at till front-desk",
        lines: [
            ReceiptLine(description: "Consultation, new patient — Dr Amina Haddad", detail: "CONS-NEW", quantity: "1",
                        unitPrice: "600.00", tax: "0.00 (0%)", amount: "600.00"),
            ReceiptLine(description: "Wound dressing", detail: "DRESS; discount 25.00: staff family", quantity: "2",
                        unitPrice: "250.00", tax: "85.50 (18%)", amount: "560.50"),
            ReceiptLine(description: "Chest X-ray", detail: "XRAY; cancelled: ordered twice", quantity: "1", unitPrice: "800.00",
                        tax: "—", amount: "cancelled"),
        ],
        totals: [LabeledValue("Subtotal", "1,100.00"), LabeledValue("Discount", "-25.00"), LabeledValue("Tax", "85.50"),
                 LabeledValue("Total", "INR 1,160.50"), LabeledValue("Paid to date", "1,160.50"),
                 LabeledValue("Balance due", "0.00")],
        payment: [LabeledValue("Method", "cash"), LabeledValue("Amount paid", "INR 1,160.50"), LabeledValue("Tendered", "1,200.00"),
                  LabeledValue("Change", "39.50")],
        footer: "Riverside Family Clinic · receipt RFC-R000042 · keep this for your records")

    @Test func aReceiptSaysWhoPaidForWhatHowMuchHowAndItsNumber() throws {
        let text = try ExternalTool.pdfText(ReceiptPDF.render(Self.receipt, paper: .a4))
        #expect(text.contains("Receipt RFC-R000042"), "the number as the heading:\n\(text)")
        #expect(text.contains("محمد عبد الله") && text.contains("RFC-000117"), "the patient, in their own script, and MRN")
        for line in ["Consultation, new patient — Dr Amina", "Haddad", "Wound dressing", "discount 25.00: staff family", "Chest X-ray",
                     "cancelled: ordered twice"] {
            #expect(text.contains(line), "line \(line)")
        }
        #expect(Self.row("Wound dressing", in: text).map { $0.contains("250.00") && $0.contains("560.50") } == true,
                "price and amount on the line's row")
        for (label, value) in [("Subtotal", "1,100.00"), ("Discount", "-25.00"), ("Tax", "85.50"), ("Total", "INR 1,160.50"),
                               ("Method", "cash"), ("Amount paid", "INR 1,160.50"), ("Tendered", "1,200.00"), ("Change", "39.50")] {
            #expect(Self.row(label, in: text)?.contains(value) == true, "\(label) \(value)")
        }
        #expect(text.contains("keep this for your records"))
    }

    @Test func aRefundSaysSoAndWhy() throws {
        var refund = Self.receipt
        refund.title = "Refund"
        refund.number = "RFC-R000043"
        refund.payment = [LabeledValue("Method", "card"), LabeledValue("Amount given back", "INR 250.00"),
                          LabeledValue("Card reference", "AUTH 448812"), LabeledValue("Reason", "dressing not done")]
        let text = try ExternalTool.pdfText(ReceiptPDF.render(refund, paper: .letter))
        #expect(text.contains("Refund RFC-R000043"))
        #expect(Self.row("Amount given back", in: text)?.contains("INR 250.00") == true, "\(text)")
        #expect(Self.row("Reason", in: text)?.contains("dressing not done") == true)
        #expect(Self.row("Card reference", in: text)?.contains("AUTH 448812") == true)
    }

    @Test func theCashUpSheetListsEachMethodAndTheCountWithItsDifference() throws {
        let sheet = CashUpContent(
            clinicName: "Riverside Family Clinic", title: "Cash-up 2026-12-08 — till front-desk",
            fields: [LabeledValue("Total taken", "INR 3,410.50"), LabeledValue("Cash expected in the drawer", "1,160.50"),
                     LabeledValue("Cash counted", "1,150.00"), LabeledValue("Difference", "short by 10.50")],
            methods: [["cash", "1", "1,160.50", "0.00", "1,160.50"], ["card", "2", "2,500.00", "250.00", "2,250.00"]],
            counts: [["18:02", "rosa", "1,160.50", "1,150.00", "short by 10.50", "coins miscounted"]],
            footer: "Riverside Family Clinic · cash-up 2026-12-08 · till front-desk")
        let text = try ExternalTool.pdfText(ReceiptPDF.render(sheet, paper: .a4))
        #expect(text.contains("Cash-up 2026-12-08 — till front-desk"), "\(text)")
        #expect(Self.row("card", in: text).map { $0.contains("2,500.00") && $0.contains("2,250.00") } == true)
        #expect(Self.row("Difference", in: text)?.contains("short by 10.50") == true)
        #expect(Self.row("18:02", in: text).map { $0.contains("rosa") && $0.contains("coins miscounted") } == true)
    }

    /// The first line of the layout text that starts with `label` (after indentation).
    static func row(_ label: String, in text: String) -> String? {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix(label) }
    }
}
