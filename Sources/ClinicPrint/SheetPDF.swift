public import Foundation

/// A printed list (a provider's day sheet, a report): the clinic, a title, and a table whose
/// rows run onto later pages with the column titles repeated. Composed of the same blocks as
/// slips and receipts.
public struct SheetContent: Sendable, Hashable {
    public var clinicName: String
    public var title: String
    public var fields: [LabeledValue]
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var footer: String

    public init(clinicName: String, title: String, fields: [LabeledValue] = [], columns: [TableColumn], rows: [[String]], footer: String) {
        self.clinicName = clinicName
        self.title = title
        self.fields = fields
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }
}

public enum SheetPDF {
    public static func render(_ sheet: SheetContent, paper: PaperSize) throws(PrintError) -> Data {
        try DocumentPDF.render(document(for: sheet), paper: paper)
    }

    public static func document(for sheet: SheetContent) -> PrintDocument {
        var blocks: [DocumentBlock] = [.titleLines(sheet.clinicName, []), .rule, .heading(sheet.title)]
        if !sheet.fields.isEmpty { blocks.append(.fields(sheet.fields)) }
        blocks.append(.table(DocumentTable(columns: sheet.columns, rows: sheet.rows.map { $0.map { TableCell($0) } })))
        return PrintDocument(title: sheet.title, blocks: blocks, runningHeader: sheet.title, footer: sheet.footer)
    }
}
