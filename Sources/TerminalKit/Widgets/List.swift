/// One row of a ``List``.
public struct ListItem: Hashable, Sendable {
    /// What the row shows.
    public var line: Line
    /// What the `/` filter matches against; defaults to the shown text.
    public var searchText: String

    /// Creates an item.
    public init(_ line: Line, searchText: String? = nil) {
        self.line = line
        self.searchText = searchText ?? line.plainText
    }

    /// Creates an item of plain text in `scope`.
    public init(_ text: String, scope: Scope? = nil) {
        self.init(Line(text, scope: scope))
    }
}

/// A scrolling, filterable list with a selection.
///
/// The selected row is drawn in `ui.selection` (`ui.selection.unfocused` without focus) and
/// marked with ``highlightSymbol``. While the filter is active its last row shows `/query`
/// and the match count.
public struct List: StatefulWidget {
    /// The items, unfiltered.
    public var items: [ListItem]
    /// Whether the list has focus.
    public var isFocused: Bool
    /// Marks the selected row; other rows are indented by its width.
    public var highlightSymbol: String
    /// Shown when there are no items at all.
    public var emptyText: String

    /// Creates a list.
    public init(
        items: [ListItem], isFocused: Bool = false, highlightSymbol: String = "> ",
        emptyText: String = "Nothing to show"
    ) {
        self.items = items
        self.isFocused = isFocused
        self.highlightSymbol = highlightSymbol
        self.emptyText = emptyText
    }

    /// The items the filter keeps, as indices into ``items``.
    public func visibleIndices(_ filter: ListFilter) -> [Int] {
        filter.visibleIndices(of: items.map(\.searchText))
    }

    public func render(in area: Rect, buffer: inout Buffer, state: inout ListState) {
        guard !area.isEmpty else { return }
        let visible = visibleIndices(state.filter)
        let body = state.filter.isActive ? area.droppingBottom(1) : area
        if state.filter.isActive {
            FilterRow(total: items.count, shown: visible.count).render(
                in: area.row(area.height - 1), buffer: &buffer, state: &state.filter)
        }
        let position = state.selected.flatMap { visible.firstIndex(of: $0) }
        state.scrollToSelection(position: position, count: visible.count, height: body.height)
        guard !visible.isEmpty else {
            let message = items.isEmpty ? emptyText : "No matches"
            buffer.write(TextWidth.truncate(message, toWidth: body.width), at: body.origin, scope: .hint, clip: body)
            return
        }
        let selectionScope: Scope = isFocused ? .selection : .selectionUnfocused
        let symbolWidth = highlightSymbol.displayWidth
        let pad = String(repeating: " ", count: symbolWidth)
        for row in 0..<body.height {
            let index = state.offset + row
            guard index < visible.count else { break }
            let item = items[visible[index]]
            let rowRect = body.row(row)
            let isSelected = visible[index] == state.selected
            let x = buffer.write(isSelected ? highlightSymbol : pad, at: rowRect.origin, scope: .text, clip: rowRect)
            let room = rowRect.maxX - x
            buffer.write(item.line.truncated(toWidth: room), at: Position(x: x, y: rowRect.y), clip: rowRect)
            if isSelected { buffer.setScope(selectionScope, in: rowRect) }
        }
    }
}

/// The `/query` row under a filtered list or table, with the match count on the right.
public struct FilterRow: StatefulWidget {
    public var total: Int
    public var shown: Int

    public init(total: Int, shown: Int) {
        self.total = total
        self.shown = shown
    }

    public func render(in area: Rect, buffer: inout Buffer, state: inout ListFilter) {
        guard !area.isEmpty else { return }
        buffer.fill(area, scope: .hint)
        let x = buffer.write("/", at: area.origin, scope: .hint, clip: area)
        let count = " \(shown)/\(total)"
        let countWidth = count.displayWidth
        let fieldWidth = area.maxX - x - (area.width >= countWidth + 8 ? countWidth : 0)
        if fieldWidth < area.maxX - x {
            buffer.write(count, at: Position(x: area.maxX - countWidth, y: area.y), scope: .hint, clip: area)
        }
        let field = TextField(isFocused: state.isEditing, scope: .hint)
        field.render(in: Rect(x: x, y: area.y, width: fieldWidth, height: 1), buffer: &buffer, state: &state.query)
    }
}
