/// The text of a single-line field and where its cursor is.
///
/// The cursor counts terminal cells (``TextSegment``s), so moving and deleting step over a
/// wide character or a letter with combining accents as one unit, as the user sees it.
public struct TextFieldState: Hashable, Sendable {
    private var cells: [TextSegment]
    /// The cursor: the number of cells before it, `0...cellCount`.
    public private(set) var cursor: Int
    /// The first column shown; adjusted when the field is drawn so the cursor stays visible.
    public var scroll: Int

    /// Creates a field holding `text`, cursor at the end.
    public init(text: String = "") {
        cells = TextWidth.segments(of: text)
        cursor = cells.count
        scroll = 0
    }

    /// The text (control characters never get in).
    public var text: String { cells.map(\.text).joined() }

    /// The number of cells.
    public var cellCount: Int { cells.count }

    /// The columns the text takes.
    public var width: Int { cells.reduce(0) { $0 + $1.width } }

    /// The columns before the cursor.
    public var cursorColumn: Int { cells[..<cursor].reduce(0) { $0 + $1.width } }

    /// Replaces the text and puts the cursor at the end.
    public mutating func setText(_ text: String) {
        self = TextFieldState(text: text)
    }

    /// Applies an edit; returns whether the text changed.
    @discardableResult
    public mutating func apply(_ edit: TextEdit) -> Bool {
        switch edit {
        case .insert(let text):
            return insert(text)
        case .paste(let text):
            let flattened = text.replacingAll(in: ["\r\n", "\n", "\r", "\t"], with: " ")
            return insert(flattened)
        case .moveLeft:
            cursor = max(0, cursor - 1)
        case .moveRight:
            cursor = min(cells.count, cursor + 1)
        case .moveWordLeft:
            cursor = wordStart(before: cursor)
        case .moveWordRight:
            cursor = wordEnd(after: cursor)
        case .moveHome:
            cursor = 0
        case .moveEnd:
            cursor = cells.count
        case .deleteBackward:
            guard cursor > 0 else { return false }
            return remove(cursor - 1..<cursor)
        case .deleteForward:
            guard cursor < cells.count else { return false }
            return remove(cursor..<cursor + 1)
        case .deleteWordBackward:
            return remove(wordStart(before: cursor)..<cursor)
        case .deleteToStart:
            return remove(0..<cursor)
        case .deleteToEnd:
            return remove(cursor..<cells.count)
        }
        return false
    }

    /// Moves the cursor to `cell` (clamped), for example after a mouse click.
    public mutating func moveCursor(to cell: Int) {
        cursor = min(max(0, cell), cells.count)
    }

    private mutating func insert(_ text: String) -> Bool {
        let before = cells[..<cursor].map(\.text).joined()
        let after = cells[cursor...].map(\.text).joined()
        let head = TextWidth.segments(of: before + text)
        let old = cells
        cells = TextWidth.segments(of: before + text + after)
        cursor = min(head.count, cells.count)
        return cells != old
    }

    private mutating func remove(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let before = cells[..<range.lowerBound].map(\.text).joined()
        let after = cells[range.upperBound...].map(\.text).joined()
        cells = TextWidth.segments(of: before + after)
        cursor = min(TextWidth.segments(of: before).count, cells.count)
        return true
    }

    private func isSpace(_ index: Int) -> Bool {
        cells[index].text.unicodeScalars.first.map { $0.properties.isWhitespace } ?? false
    }

    private func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0 && isSpace(index - 1) { index -= 1 }
        while index > 0 && !isSpace(index - 1) { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        var index = position
        while index < cells.count && isSpace(index) { index += 1 }
        while index < cells.count && !isSpace(index) { index += 1 }
        return index
    }
}

extension String {
    fileprivate func replacingAll(in targets: [String], with replacement: String) -> String {
        var result = self
        for target in targets {
            result = result.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
        }
        return result
    }
}
