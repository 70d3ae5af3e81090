extension TextWidth {
    /// Breaks `text` into lines of at most `width` columns.
    ///
    /// Lines break at spaces where possible; a word longer than a line (or text without
    /// spaces, such as Chinese) is broken between cells. Explicit newlines are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: wrapParagraph(String(paragraph), width: width))
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var pieces = segments(of: String(word))
            let wordWidth = pieces.reduce(0) { $0 + $1.width }
            let gap = lineWidth == 0 ? 0 : 1
            if lineWidth + gap + wordWidth <= width {
                line += (gap == 1 ? " " : "") + pieces.map(\.text).joined()
                lineWidth += gap + wordWidth
                continue
            }
            if lineWidth > 0 && wordWidth <= width {
                lines.append(line)
                line = pieces.map(\.text).joined()
                lineWidth = wordWidth
                continue
            }
            // The word must be broken between cells.
            if lineWidth > 0 {
                if lineWidth + 1 < width {
                    line += " "
                    lineWidth += 1
                } else {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
            }
            while !pieces.isEmpty {
                let piece = pieces.removeFirst()
                if lineWidth + piece.width > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                guard piece.width <= width else { continue }
                line += piece.text
                lineWidth += piece.width
            }
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
