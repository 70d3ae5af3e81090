/// A way to move the selection of a list or table.
public enum SelectionMove: Hashable, Sendable {
    /// The next visible item.
    case next
    /// The previous visible item.
    case previous
    /// The first visible item.
    case first
    /// The last visible item.
    case last
    /// A page further down.
    case pageDown
    /// A page further up.
    case pageUp
    /// A given item (by index into all items), if it is visible.
    case item(Int)
}

/// Selection, scroll position and filter of a ``List`` or ``Table``.
///
/// `selected` indexes the full item array, so it survives filtering; `offset` is the first
/// visible row of the filtered view and is adjusted by rendering to keep the selection in view.
public struct ListState: Hashable, Sendable {
    /// The selected item (index into all items), or `nil`.
    public var selected: Int?
    /// The first row shown, counted in the filtered view.
    public var offset: Int
    /// The `/` filter.
    public var filter: ListFilter

    /// Creates a state with `selected` chosen.
    public init(selected: Int? = 0, offset: Int = 0, filter: ListFilter = ListFilter()) {
        self.selected = selected
        self.offset = offset
        self.filter = filter
    }

    /// Moves the selection among the `visible` items (indices into all items, in display order).
    public mutating func select(_ move: SelectionMove, visible: [Int], pageSize: Int = 10) {
        guard !visible.isEmpty else {
            selected = nil
            return
        }
        let current = selected.flatMap { visible.firstIndex(of: $0) }
        let page = max(1, pageSize)
        let target: Int
        switch move {
        case .next: target = current.map { $0 + 1 } ?? 0
        case .previous: target = current.map { $0 - 1 } ?? 0
        case .first: target = 0
        case .last: target = visible.count - 1
        case .pageDown: target = (current ?? 0) + page
        case .pageUp: target = (current ?? 0) - page
        case .item(let index):
            if let position = visible.firstIndex(of: index) { selected = visible[position] }
            return
        }
        selected = visible[min(max(0, target), visible.count - 1)]
    }

    /// Keeps the selection on a visible item: selects the first visible one when the
    /// selected item was filtered out (or nothing when none is visible).
    public mutating func reconcile(visible: [Int]) {
        if let selected, visible.contains(selected) { return }
        selected = visible.first
        offset = 0
    }

    /// Adjusts `offset` so that the selected row is among `height` rows of `count` visible ones.
    mutating func scrollToSelection(position: Int?, count: Int, height: Int) {
        guard height > 0 else { return }
        if let position {
            if position < offset { offset = position }
            if position >= offset + height { offset = position - height + 1 }
        }
        offset = min(max(0, offset), max(0, count - height))
    }
}

/// The table state is the list state: selection, scroll and filter.
public typealias TableState = ListState
