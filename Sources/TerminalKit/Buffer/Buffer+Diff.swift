extension Buffer {
    /// One cell to draw: what ``Buffer/diff(from:)`` yields.
    public struct Change: Hashable, Sendable {
        /// Where to draw.
        public var position: Position
        /// What to draw there; never a continuation cell.
        public var cell: Cell

        /// Creates a change.
        public init(position: Position, cell: Cell) {
            self.position = position
            self.cell = cell
        }
    }

    /// The cells to draw to turn `previous` (what the screen shows) into this buffer.
    ///
    /// Continuation cells are never yielded: drawing a wide character fills both columns.
    /// Because a continuation differs from every visible cell, any change to either half of
    /// a wide character, or to what replaces it, shows up as a change at the lead column,
    /// so the terminal never keeps a stale half. Changes are ordered left to right, top to
    /// bottom. A buffer of another size yields every cell (a full redraw).
    public func diff(from previous: Buffer) -> [Change] {
        guard previous.size == size else { return fullRedraw() }
        var changes: [Change] = []
        for y in 0..<size.height {
            let rowStart = y * size.width
            for x in 0..<size.width {
                let cell = cells[rowStart + x]
                guard !cell.isContinuation, cell != previous.cells[rowStart + x] else { continue }
                changes.append(Change(position: Position(x: x, y: y), cell: cell))
            }
        }
        return changes
    }

    /// Every visible cell, for drawing on a cleared screen.
    public func fullRedraw() -> [Change] {
        var changes: [Change] = []
        changes.reserveCapacity(cells.count)
        for y in 0..<size.height {
            for x in 0..<size.width {
                let cell = cells[y * size.width + x]
                guard !cell.isContinuation else { continue }
                changes.append(Change(position: Position(x: x, y: y), cell: cell))
            }
        }
        return changes
    }
}
