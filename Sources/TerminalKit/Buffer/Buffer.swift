/// A grid of cells: one whole frame, or a scratch area a widget draws into.
///
/// The app renders a complete `Buffer` for every frame; the backend compares it with the
/// previous one (``diff(from:)``) and draws only what changed. Wide characters always occupy
/// a lead cell plus a continuation cell; writing over either half blanks the other.
public struct Buffer: Hashable, Sendable {
    /// The number of columns and rows.
    public private(set) var size: Size
    /// The cells, row by row.
    public internal(set) var cells: [Cell]
    /// Where the terminal cursor should be shown for this frame, or `nil` to hide it.
    ///
    /// Widgets that edit text (``TextField``, ``Form``) set it while they have focus.
    public var cursor: Position?

    /// Creates a buffer of blank cells in `scope`.
    public init(size: Size, scope: Scope = .text) {
        self.size = size
        self.cells = Array(repeating: .blank(scope), count: size.area)
        self.cursor = nil
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(origin: .zero, size: size) }

    /// The cell at column `x`, row `y`; a blank cell outside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        guard let index = index(x, y) else { return .blank() }
        return cells[index]
    }

    /// The cell at `position`; a blank cell outside the buffer.
    public subscript(position: Position) -> Cell {
        self[position.x, position.y]
    }

    /// Puts `cell` at `position`, keeping wide characters whole.
    ///
    /// Overwriting half of a wide character blanks its other half. A wide cell that would
    /// hang over the right edge is replaced by a blank. Positions outside the buffer are ignored.
    public mutating func set(_ cell: Cell, at position: Position) {
        guard let index = index(position.x, position.y), !cell.isContinuation else { return }
        let x = position.x
        if cell.width == 2 && x + 1 >= size.width {
            put(.blank(cell.scope), at: index, x: x)
            return
        }
        put(cell, at: index, x: x)
        if cell.width == 2 {
            let next = index + 1
            if cells[next].width == 2 && x + 2 < size.width {
                cells[next + 1] = .blank(cells[next + 1].scope)
            }
            cells[next] = .continuation(cell.scope)
        }
    }

    /// The visible text of row `y`: each cell once (wide characters are not repeated).
    public func text(ofRow y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        let start = y * size.width
        return cells[start..<(start + size.width)].map(\.text).joined()
    }

    /// The visible text of every row.
    public var textRows: [String] {
        (0..<size.height).map { text(ofRow: $0) }
    }

    /// Replaces one cell after blanking the other half of any wide character it overlaps.
    private mutating func put(_ cell: Cell, at index: Int, x: Int) {
        let old = cells[index]
        if old.isContinuation && x > 0 {
            cells[index - 1] = .blank(cells[index - 1].scope)
        } else if old.width == 2 && x + 1 < size.width {
            cells[index + 1] = .blank(cells[index + 1].scope)
        }
        cells[index] = cell
    }

    /// The storage index of a position, or `nil` outside the buffer.
    func index(_ x: Int, _ y: Int) -> Int? {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
        return y * size.width + x
    }
}
