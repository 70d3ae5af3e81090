/// A column of a ``Table``: its header, width constraint and alignment.
public struct TableColumn: Hashable, Sendable {
    /// The header text.
    public var title: String
    /// How wide the column is (see ``Layout``).
    public var width: Constraint
    /// How cells sit in the column.
    public var alignment: HorizontalAlignment

    /// Creates a column.
    public init(_ title: String, width: Constraint, alignment: HorizontalAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One cell of a table row: a span whose `nil` scope takes the row's.
public typealias TableCell = Span

/// One row of a table.
public struct TableRow: Hashable, Sendable {
    /// The cells, one per column.
    public var cells: [TableCell]
    /// The scope of cells that have none (for example `queue.waiting.late`).
    public var scope: Scope?
    /// What the `/` filter matches against, when it is not the cell texts.
    private let explicitSearchText: String?

    /// Creates a row.
    public init(_ cells: [TableCell], scope: Scope? = nil, searchText: String? = nil) {
        self.cells = cells
        self.scope = scope
        explicitSearchText = searchText
    }

    /// What the `/` filter matches against; defaults to the cell texts (built only when asked).
    public var searchText: String { explicitSearchText ?? cells.map(\.text).joined(separator: " ") }
}

/// A table with a header, constrained column widths, selection and `/` filter.
///
/// Cells are cut and padded by display width, so names in Latin, Arabic, Devanagari and
/// CJK scripts line up in their columns. Uses ``ListState`` (alias ``TableState``).
public struct Table: StatefulWidget {
    /// The columns.
    public var columns: [TableColumn]
    /// How many rows there are, unfiltered.
    public let rowCount: Int
    /// The row at an index; asked only for the rows drawn (and for all of them while a
    /// filter narrows the table), so a day of a thousand appointments draws what is on screen.
    private let rowAt: (Int) -> TableRow
    /// Whether the table has focus.
    public var isFocused: Bool
    /// Blank columns between columns.
    public var columnSpacing: Int
    /// Marks the selected row; other rows are indented by its width.
    public var highlightSymbol: String
    /// Shown when there are no rows at all.
    public var emptyText: String

    /// Creates a table of ready-made rows.
    public init(
        columns: [TableColumn], rows: [TableRow], isFocused: Bool = false, columnSpacing: Int = 1,
        highlightSymbol: String = "> ", emptyText: String = "Nothing to show"
    ) {
        self.init(columns: columns, rowCount: rows.count, row: { rows[$0] }, isFocused: isFocused,
                  columnSpacing: columnSpacing, highlightSymbol: highlightSymbol, emptyText: emptyText)
    }

    /// Creates a table whose rows are built when they are drawn.
    public init(
        columns: [TableColumn], rowCount: Int, row: @escaping (Int) -> TableRow, isFocused: Bool = false,
        columnSpacing: Int = 1, highlightSymbol: String = "> ", emptyText: String = "Nothing to show"
    ) {
        self.columns = columns
        self.rowCount = rowCount
        rowAt = row
        self.isFocused = isFocused
        self.columnSpacing = columnSpacing
        self.highlightSymbol = highlightSymbol
        self.emptyText = emptyText
    }

    /// Every row, unfiltered.
    public var rows: [TableRow] { (0..<rowCount).map(rowAt) }

    /// The rows the filter keeps, as indices into ``rows``.
    public func visibleIndices(_ filter: ListFilter) -> [Int] {
        filter.narrows ? filter.visibleIndices(of: (0..<rowCount).map { rowAt($0).searchText }) : Array(0..<rowCount)
    }

    /// The column rectangles for a row of `area` (after the highlight symbol).
    public func columnAreas(in area: Rect) -> [Rect] {
        let symbolWidth = min(highlightSymbol.displayWidth, area.width)
        let body = area.droppingLeft(symbolWidth)
        return Layout.columns(columns.map(\.width), spacing: columnSpacing).split(body)
    }

    public func render(in area: Rect, buffer: inout Buffer, state: inout ListState) {
        guard !area.isEmpty else { return }
        let visible = visibleIndices(state.filter)
        let header = area.row(0)
        // Every row has the same columns: lay them out once, then move them down row by row.
        let columnRects = columnAreas(in: header)
        buffer.fill(header, scope: .header)
        drawRow(columns.map { TableCell($0.title) }, scope: .header, columns: columnRects, y: header.y, buffer: &buffer)
        var body = area.droppingTop(1)
        if state.filter.isActive && body.height > 0 {
            FilterRow(total: rowCount, shown: visible.count).render(
                in: body.row(body.height - 1), buffer: &buffer, state: &state.filter)
            body = body.droppingBottom(1)
        }
        let position = state.selected.flatMap { visible.firstIndex(of: $0) }
        state.scrollToSelection(position: position, count: visible.count, height: body.height)
        guard !visible.isEmpty else {
            let message = rowCount == 0 ? emptyText : "No matches"
            buffer.write(TextWidth.truncate(message, toWidth: body.width), at: body.origin, scope: .hint, clip: body)
            return
        }
        let selectionScope: Scope = isFocused ? .selection : .selectionUnfocused
        for line in 0..<body.height {
            let index = state.offset + line
            guard index < visible.count else { break }
            let row = rowAt(visible[index])
            let rowRect = body.row(line)
            let isSelected = visible[index] == state.selected
            buffer.write(isSelected ? highlightSymbol : "", at: rowRect.origin, scope: .text, clip: rowRect)
            drawRow(row.cells, scope: row.scope ?? .text, columns: columnRects, y: rowRect.y, buffer: &buffer)
            if isSelected { buffer.setScope(selectionScope, in: rowRect) }
        }
    }

    /// Draws one row's cells into the column rectangles, moved to row `y`.
    private func drawRow(_ cells: [TableCell], scope: Scope, columns columnRects: [Rect], y: Int, buffer: inout Buffer) {
        for (column, template) in zip(columns.indices, columnRects) where !template.isEmpty {
            let cellRect = Rect(x: template.x, y: y, width: template.width, height: 1)
            let cell = column < cells.count ? cells[column] : TableCell("")
            buffer.write(cell.text, fitting: cellRect, alignment: columns[column].alignment, scope: cell.scope ?? scope)
        }
    }
}
