public import Foundation

/// A receipt and the day-end cash-up sheet, composed as `PrintDocument`s and rendered by the
/// same module as prescription slips.
public enum ReceiptPDF {
    public static func render(_ receipt: ReceiptContent, paper: PaperSize) throws(PrintError) -> Data {
        try DocumentPDF.render(document(for: receipt), paper: paper)
    }

    public static func document(for receipt: ReceiptContent) -> PrintDocument {
        var blocks: [DocumentBlock] = [
            .titleLines(receipt.clinicName, receipt.clinicAddressLines),
            .rule,
            .heading("\(receipt.title) \(receipt.number)"),
            .fields([
                LabeledValue("Patient", receipt.patientName),
                LabeledValue("MRN", receipt.patientMRN),
                LabeledValue("Date", receipt.dateTime),
                LabeledValue("Taken by", receipt.takenBy),
            ]),
            .table(DocumentTable(
                columns: [
                    TableColumn("Item", weight: 5, isEmphasized: true),
                    TableColumn("Qty", weight: 0.8, alignment: .right),
                    TableColumn("Price", weight: 1.6, alignment: .right),
                    TableColumn("Tax", weight: 1.4, alignment: .right),
                    TableColumn("Amount", weight: 1.8, alignment: .right),
                ],
                rows: receipt.lines.map {
                    [TableCell($0.description, detail: $0.detail), TableCell($0.quantity), TableCell($0.unitPrice),
                     TableCell($0.tax), TableCell($0.amount)]
                })),
            .fields(receipt.totals),
            .rule,
            .heading(receipt.title == "Receipt" ? "Payment" : receipt.title),
            .fields(receipt.payment),
        ]
        if let note = receipt.note, !note.isEmpty { blocks.append(.notice(note)) }
        let title = "\(receipt.title) \(receipt.number)"
        return PrintDocument(title: title, blocks: blocks, runningHeader: title, footer: receipt.footer)
    }

    public static func render(_ sheet: CashUpContent, paper: PaperSize) throws(PrintError) -> Data {
        try DocumentPDF.render(document(for: sheet), paper: paper)
    }

    public static func document(for sheet: CashUpContent) -> PrintDocument {
        var blocks: [DocumentBlock] = [
            .titleLines(sheet.clinicName, []),
            .rule,
            .heading(sheet.title),
            .fields(sheet.fields),
            .table(DocumentTable(
                columns: [
                    TableColumn("Method", weight: 2.5, isEmphasized: true),
                    TableColumn("Entries", weight: 1, alignment: .right),
                    TableColumn("Received", weight: 2, alignment: .right),
                    TableColumn("Given back", weight: 2, alignment: .right),
                    TableColumn("Net", weight: 2, alignment: .right),
                ],
                rows: sheet.methods.map { $0.map { TableCell($0) } })),
        ]
        if !sheet.counts.isEmpty {
            blocks += [
                .heading("Drawer counts"),
                .table(DocumentTable(
                    columns: [
                        TableColumn("Time", weight: 1.2), TableColumn("By", weight: 1.5),
                        TableColumn("Expected", weight: 1.8, alignment: .right),
                        TableColumn("Counted", weight: 1.8, alignment: .right),
                        TableColumn("Difference", weight: 1.8, alignment: .right), TableColumn("Note", weight: 3.5),
                    ],
                    rows: sheet.counts.map { $0.map { TableCell($0) } })),
            ]
        }
        return PrintDocument(title: sheet.title, blocks: blocks, runningHeader: sheet.title, footer: sheet.footer)
    }
}
