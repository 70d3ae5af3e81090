/// Display-width arithmetic on strings, in terminal columns.
///
/// Widths follow ``CellWidth``: what ncursesw and a UTF-8 terminal use, not `String.count`.
public enum TextWidth {
    /// The ellipsis used when text is cut short.
    public static let ellipsis = "…"

    /// The number of columns `text` takes on screen (control characters count as nothing).
    public static func displayWidth(of text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for scalar in text.unicodeScalars {
            total += CellWidth.of(scalar) ?? 0
        }
        return total
    }

    /// The longest prefix of whole cells that fits in `width` columns, and its width.
    public static func prefix(of text: String, fitting width: Int) -> (text: String, width: Int) {
        var used = 0
        var result = ""
        for segment in segments(of: text) {
            if used + segment.width > width { break }
            result += segment.text
            used += segment.width
        }
        return (result, used)
    }

    /// `text` cut to at most `width` columns with an ellipsis when it is too long.
    ///
    /// A wide character is never split, and spaces before the ellipsis are dropped; spaces
    /// after it pad the result, so that a truncated result is always exactly `width` columns.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = TextWidth.ellipsis) -> String {
        guard width > 0 else { return "" }
        if isPrintableASCII(text) {
            if text.utf8.count <= width { return text }
            if ellipsis == TextWidth.ellipsis {
                var head = String(text.prefix(width - 1))  // printable ASCII: one character a column
                while head.last == " " { head.removeLast() }
                return head + ellipsis + String(repeating: " ", count: width - 1 - head.utf8.count)
            }
        }
        let full = displayWidth(of: text)
        if full <= width { return cleaned(text) }
        let ellipsisWidth = displayWidth(of: ellipsis)
        guard ellipsisWidth <= width else { return String(repeating: ".", count: width) }
        var (head, used) = prefix(of: text, fitting: width - ellipsisWidth)
        while let last = head.unicodeScalars.last, last.properties.isWhitespace {
            head.unicodeScalars.removeLast()
            used -= 1
        }
        return head + ellipsis + String(repeating: " ", count: width - ellipsisWidth - used)
    }

    /// `text` truncated to `width` columns and padded with spaces to exactly `width`.
    public static func fit(_ text: String, width: Int, alignment: HorizontalAlignment = .left) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, toWidth: width)
        let gap = width - displayWidth(of: cut)
        guard gap > 0 else { return cut }
        switch alignment {
        case .left:
            return cut + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }

    /// `text` without control characters and leading zero-width scalars, as it will appear in cells.
    public static func cleaned(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        if let first = text.unicodeScalars.first, CellWidth.of(first) ?? 0 > 0,
           text.unicodeScalars.allSatisfy({ CellWidth.of($0) != nil }) {
            return text  // nothing to drop: no control characters, no leading zero-width scalar
        }
        return segments(of: text).map(\.text).joined()
    }
}

/// Where text sits inside a wider space.
public enum HorizontalAlignment: Hashable, Sendable {
    /// Flush with the left edge.
    case left
    /// Centred; an odd leftover column goes to the right.
    case center
    /// Flush with the right edge.
    case right
}

extension String {
    /// The number of terminal columns this string takes; see ``TextWidth/displayWidth(of:)``.
    public var displayWidth: Int { TextWidth.displayWidth(of: self) }
}
