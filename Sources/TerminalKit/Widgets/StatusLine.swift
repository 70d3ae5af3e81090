/// The one-row status line: segments on the left and on the right, each in its own scope.
///
/// The right side (for example the sync state) is kept whole when it fits, taking up to
/// two thirds of a narrow row; the left side gets the rest, both cut with an ellipsis.
/// The row is filled with `ui.statusline`.
public struct StatusLine: Widget {
    /// Segments from the left edge.
    public var left: [Span]
    /// Segments ending at the right edge.
    public var right: [Span]
    /// Put between segments on each side.
    public var separator: String

    /// Creates a status line.
    public init(left: [Span], right: [Span] = [], separator: String = " │ ") {
        self.left = left
        self.right = right
        self.separator = separator
    }

    private func joined(_ spans: [Span]) -> Line {
        var result: [Span] = []
        for (index, span) in spans.enumerated() {
            if index > 0 { result.append(Span(separator, scope: .statusline)) }
            result.append(span)
        }
        return Line(result)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let row = area.row(0)
        guard !row.isEmpty else { return }
        buffer.fill(row, scope: .statusline)
        let rightLine = joined(right)
        let leftLine = joined(left)
        let inner = row.inset(horizontal: row.width >= 4 ? 1 : 0)
        let rightRoom =
            leftLine.width == 0
            ? inner.width : max(inner.width * 2 / 3, inner.width - leftLine.width - 1)
        let rightWidth = min(rightLine.width, rightRoom)
        if rightWidth > 0 {
            buffer.write(
                rightLine.truncated(toWidth: rightWidth), at: Position(x: inner.maxX - rightWidth, y: row.y),
                scope: .statusline, clip: inner)
        }
        let leftRoom = inner.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        if leftRoom > 0 {
            buffer.write(leftLine.truncated(toWidth: leftRoom), at: inner.origin, scope: .statusline, clip: inner)
        }
    }
}
