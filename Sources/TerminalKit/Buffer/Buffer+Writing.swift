extension Buffer {
    /// Writes `text` from `position` rightwards in `scope`, clipped to `clip` (and the buffer).
    ///
    /// Text is cut into cells by ``TextWidth/segments(of:)``. A wide character that does not
    /// fit at the right edge of the clip leaves a blank instead; one that starts left of the
    /// clip leaves a blank in the clip's first column. Returns the column after the text.
    @discardableResult
    public mutating func write(_ text: String, at position: Position, scope: Scope, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        if TextWidth.isPrintableASCII(text) { return writeASCII(text, at: position, scope: scope, bounds: bounds) }
        let segments = TextWidth.segments(of: text)
        let endOfText = position.x + segments.reduce(0) { $0 + $1.width }
        guard position.y >= bounds.minY, position.y < bounds.maxY else { return endOfText }
        var x = position.x
        for segment in segments {
            let end = x + segment.width
            if x >= bounds.maxX { break }
            if end > bounds.maxX {
                for column in x..<bounds.maxX where column >= bounds.minX {
                    set(.blank(scope), at: Position(x: column, y: position.y))
                }
            } else if x < bounds.minX {
                if end > bounds.minX { set(.blank(scope), at: Position(x: bounds.minX, y: position.y)) }
            } else {
                set(Cell(segment: segment, scope: scope), at: Position(x: x, y: position.y))
            }
            x = end
        }
        return endOfText
    }

    /// Writes `text` into one row of `rect`, cut to its width with an ellipsis and aligned; the
    /// rest of the row is blanked in `scope`. The same cells as writing
    /// ``TextWidth/fit(_:width:alignment:)``, without building the padded string.
    public mutating func write(_ text: String, fitting rect: Rect, alignment: HorizontalAlignment, scope: Scope) {
        guard rect.width > 0, rect.height > 0 else { return }
        let cut = TextWidth.truncate(text, toWidth: rect.width)
        let gap = rect.width - TextWidth.displayWidth(of: cut)
        let lead = switch alignment {
        case .left: 0
        case .right: gap
        case .center: gap / 2
        }
        let row = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        if lead > 0 { fill(Rect(x: rect.x, y: rect.y, width: lead, height: 1), scope: scope) }
        let end = write(cut, at: Position(x: rect.x + lead, y: rect.y), scope: scope, clip: row)
        if end < row.maxX { fill(Rect(x: end, y: rect.y, width: row.maxX - end, height: 1), scope: scope) }
    }

    /// Printable ASCII: one cell a byte, every cell one column wide.
    private mutating func writeASCII(_ text: String, at position: Position, scope: Scope, bounds: Rect) -> Int {
        let end = position.x + text.utf8.count
        guard position.y >= bounds.minY, position.y < bounds.maxY else { return end }
        var x = position.x
        for byte in text.utf8 {
            if x >= bounds.maxX { break }
            if x >= bounds.minX {
                set(Cell(text: TextWidth.asciiCells[Int(byte)], width: 1, scope: scope), at: Position(x: x, y: position.y))
            }
            x += 1
        }
        return end
    }

    /// Writes a styled line; spans without a scope use `scope`. Returns the column after it.
    @discardableResult
    public mutating func write(_ line: Line, at position: Position, scope: Scope = .text, clip: Rect? = nil) -> Int {
        var x = position.x
        for span in line.spans {
            x = write(span.text, at: Position(x: x, y: position.y), scope: span.scope ?? scope, clip: clip)
        }
        return x
    }

    /// Fills `rect` with blank cells in `scope`.
    public mutating func fill(_ rect: Rect, scope: Scope) {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return }
        for y in target.minY..<target.maxY {
            for x in target.minX..<target.maxX {
                set(.blank(scope), at: Position(x: x, y: y))
            }
        }
    }

    /// Fills `rect` with copies of a one-column `cell` (for rules and shading).
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let target = rect.intersection(area)
        guard !target.isEmpty, cell.width == 1 else { return }
        for y in target.minY..<target.maxY {
            for x in target.minX..<target.maxX {
                set(cell, at: Position(x: x, y: y))
            }
        }
    }

    /// Gives every cell in `rect` the style `scope`, keeping the text.
    public mutating func setScope(_ scope: Scope, in rect: Rect) {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return }
        for y in target.minY..<target.maxY {
            for x in target.minX..<target.maxX {
                guard let index = index(x, y) else { continue }
                setScope(scope, atIndex: index)
                if cells[index].width == 2, x + 1 < size.width {
                    setScope(scope, atIndex: index + 1)
                }
            }
        }
    }

    /// Copies `other` into this buffer with its top-left corner at `origin`, clipped.
    public mutating func paste(_ other: Buffer, at origin: Position) {
        for y in 0..<other.size.height {
            for x in 0..<other.size.width {
                let cell = other[x, y]
                guard !cell.isContinuation else { continue }
                set(cell, at: Position(x: origin.x + x, y: origin.y + y))
            }
        }
    }

    private mutating func setScope(_ scope: Scope, atIndex index: Int) {
        cells[index].scope = scope
    }
}
