/// Lines of text, optionally wrapped to the width, scrolled from the top.
public struct Paragraph: Widget {
    /// The lines to show.
    public var lines: [Line]
    /// Whether long lines wrap (at spaces, else between cells). A wrapped line takes the
    /// scope of its first span; unwrapped lines keep their spans and end in an ellipsis.
    public var wrap: Bool
    /// Rows skipped at the top.
    public var scroll: Int
    /// Alignment of each row.
    public var alignment: HorizontalAlignment
    /// The scope of spans that have none.
    public var scope: Scope

    /// Creates a paragraph from styled lines.
    public init(
        lines: [Line], wrap: Bool = true, scroll: Int = 0, alignment: HorizontalAlignment = .left, scope: Scope = .text
    ) {
        self.lines = lines
        self.wrap = wrap
        self.scroll = scroll
        self.alignment = alignment
        self.scope = scope
    }

    /// Creates a paragraph from plain text; newlines start new lines.
    public init(_ text: String, scope: Scope = .text, wrap: Bool = true, alignment: HorizontalAlignment = .left) {
        self.init(
            lines: text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0)) },
            wrap: wrap, alignment: alignment, scope: scope)
    }

    /// The rows this paragraph occupies at `width`, after wrapping.
    public func rows(width: Int) -> [Line] {
        guard width > 0 else { return [] }
        guard wrap else { return lines.map { $0.truncated(toWidth: width) } }
        var rows: [Line] = []
        for line in lines {
            let lineScope = line.spans.first?.scope
            if line.width <= width {
                rows.append(line)
            } else {
                rows += TextWidth.wrap(line.plainText, width: width).map { Line($0, scope: lineScope) }
            }
        }
        return rows
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let rows = rows(width: area.width)
        let start = min(max(0, scroll), max(0, rows.count - 1))
        for (offset, row) in rows.dropFirst(start).prefix(area.height).enumerated() {
            let gap = area.width - row.width
            let x: Int
            switch alignment {
            case .left: x = area.x
            case .center: x = area.x + max(0, gap / 2)
            case .right: x = area.x + max(0, gap)
            }
            buffer.write(row, at: Position(x: x, y: area.y + offset), scope: scope, clip: area)
        }
    }
}
