public import Foundation

/// The prescription slip: its content composed as a `PrintDocument`, and rendered.
public enum SlipPDF {
    /// The slip as a PDF on pages of `paper`'s size.
    public static func render(_ slip: SlipContent, paper: PaperSize) throws(PrintError) -> Data {
        try DocumentPDF.render(document(for: slip), paper: paper)
    }

    /// The slip's blocks: clinic, who and when, any supersedes notice, the medicines, instructions,
    /// and the verification QR code.
    public static func document(for slip: SlipContent) -> PrintDocument {
        var blocks: [DocumentBlock] = [
            .titleLines(slip.clinicName, slip.clinicAddressLines),
            .rule,
            .fields([
                LabeledValue("Patient", slip.patientName),
                LabeledValue("Date of birth", slip.patientDateOfBirth),
                LabeledValue("MRN", slip.patientMRN),
                LabeledValue("Prescriber", slip.prescriberName),
                LabeledValue("Date signed", slip.dateSigned),
                LabeledValue("Prescription", slip.verificationCode),
            ]),
        ]
        if let note = slip.supersedesNote, !note.isEmpty {
            blocks.append(.notice(note))
        }
        blocks.append(.table(itemTable(slip.items)))
        if let instructions = slip.instructions, !instructions.isEmpty {
            blocks += [.heading("Instructions"), .paragraph(instructions)]
        }
        blocks.append(
            .qrCode(
                QRCodeBlock(
                    payload: slip.verificationCode, caption: slip.verificationCode,
                    note: "Signed by \(slip.prescriberName) on \(slip.dateSigned). "
                        + "To check this prescription, scan the code or enter \(slip.verificationCode).")))
        let title = "Prescription \(slip.verificationCode)"
        return PrintDocument(title: title, blocks: blocks, runningHeader: title, footer: slip.footer)
    }

    /// One row per medicine: its name in bold with the directions under it, then quantity,
    /// refills and the last day it may be dispensed.
    private static func itemTable(_ items: [SlipItem]) -> DocumentTable {
        DocumentTable(
            columns: [
                TableColumn("#", weight: 0.5),
                TableColumn("Medicine and directions", weight: 5.5, isEmphasized: true),
                TableColumn("Quantity", weight: 1.8),
                TableColumn("Refills", weight: 1.1, alignment: .right),
                TableColumn("Valid until", weight: 1.8),
            ],
            rows: items.enumerated().map { index, item in
                [
                    TableCell("\(index + 1)"),
                    TableCell(item.drugTitle, detail: item.directions),
                    TableCell(item.quantity),
                    TableCell("\(item.refills)"),
                    TableCell(item.validUntil),
                ]
            })
    }
}
