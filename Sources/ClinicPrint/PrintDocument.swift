/// A printable document: blocks stacked down the page and broken across pages as needed, with a
/// footer on every page and a running header on every page after the first.
public struct PrintDocument: Sendable, Hashable {
    /// The PDF's title, shown by viewers.
    public var title: String
    /// The content, top to bottom.
    public var blocks: [DocumentBlock]
    /// Heads every page after the first, followed by " — page N".
    public var runningHeader: String
    /// The small print at the bottom of every page, beside "Page N of M".
    public var footer: String

    public init(title: String, blocks: [DocumentBlock], runningHeader: String, footer: String) {
        self.title = title
        self.blocks = blocks
        self.runningHeader = runningHeader
        self.footer = footer
    }
}

/// One piece of a document's content.
public enum DocumentBlock: Sendable, Hashable {
    /// A large bold line with smaller lines under it: a clinic's name and address.
    case titleLines(String, [String])
    /// A bold heading, kept on the same page as what follows it.
    case heading(String)
    /// Label and value rows, the labels in a column of their own.
    case fields([LabeledValue])
    /// Running text, wrapped, split across pages between lines.
    case paragraph(String)
    /// Text in a box, to be noticed (e.g. that a prescription replaces another).
    case notice(String)
    /// A table whose rows may run onto later pages, where its column titles are repeated.
    case table(DocumentTable)
    /// A QR code with its text under it, and a note beside it.
    case qrCode(QRCodeBlock)
    /// A thin horizontal line across the page.
    case rule
}

/// A label and its value, e.g. "Patient" and a name.
public struct LabeledValue: Sendable, Hashable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// A table of items, e.g. a prescription's medicines or a receipt's charges.
public struct DocumentTable: Sendable, Hashable {
    /// The columns, left to right.
    public var columns: [TableColumn]
    /// The rows; each has one cell per column.
    public var rows: [[TableCell]]

    public init(columns: [TableColumn], rows: [[TableCell]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// A column of a `DocumentTable`.
public struct TableColumn: Sendable, Hashable {
    /// Where a column's text sits in its width.
    public enum Alignment: Sendable, Hashable {
        /// At the left, whatever the text's direction (an Arabic name starts where a Latin one does).
        case left
        /// At the right, as amounts are.
        case right
    }

    /// The column's title, repeated on every page the table runs onto.
    public var title: String
    /// The column's share of the table's width, relative to the other columns' weights.
    public var weight: Double
    /// Where the cells' text sits.
    public var alignment: Alignment
    /// Whether the cells' main text is bold.
    public var isEmphasized: Bool

    public init(_ title: String, weight: Double, alignment: Alignment = .left, isEmphasized: Bool = false) {
        self.title = title
        self.weight = weight
        self.alignment = alignment
        self.isEmphasized = isEmphasized
    }
}

/// A table cell: a main text and, under it, an optional detail.
public struct TableCell: Sendable, Hashable {
    public var text: String
    public var detail: String?

    public init(_ text: String, detail: String? = nil) {
        self.text = text
        self.detail = detail
    }
}

/// A QR code block: the symbol, its text printed under it, and a note to its right.
public struct QRCodeBlock: Sendable, Hashable {
    /// What the symbol encodes.
    public var payload: String
    /// Printed under the symbol, usually the payload itself.
    public var caption: String
    /// Printed beside the symbol.
    public var note: String?

    public init(payload: String, caption: String, note: String? = nil) {
        self.payload = payload
        self.caption = caption
        self.note = note
    }
}
