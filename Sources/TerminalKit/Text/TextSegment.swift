/// The text of one terminal cell: a scalar that takes columns plus the zero-width scalars
/// (combining marks, joiners, variation selectors) that follow it.
public struct TextSegment: Hashable, Sendable {
    /// The scalars of the cell.
    public var text: String
    /// The columns the cell takes: 1 or 2.
    public var width: Int

    /// Creates a segment; used by the segmenter, which guarantees `width` matches `text`.
    public init(text: String, width: Int) {
        self.text = text
        self.width = width
    }
}

extension TextWidth {
    /// Splits `text` into cells the way ncursesw and the terminal do.
    ///
    /// Each scalar of width 1 or 2 starts a new cell; zero-width scalars attach to the cell
    /// before them (and are dropped when nothing precedes them); control characters are dropped.
    /// This is deliberately scalar-based, not grapheme-based: a terminal does not know about
    /// extended grapheme clusters.
    public static func segments(of text: String) -> [TextSegment] {
        var result: [TextSegment] = []
        result.reserveCapacity(text.utf8.count)
        var current = String.UnicodeScalarView()
        var currentWidth = 0
        for scalar in text.unicodeScalars {
            guard let width = CellWidth.of(scalar) else { continue }
            if width == 0 {
                if currentWidth > 0 { current.append(scalar) }
                continue
            }
            if currentWidth > 0 { result.append(TextSegment(text: String(current), width: currentWidth)) }
            current = String.UnicodeScalarView()
            current.append(scalar)
            currentWidth = width
        }
        if currentWidth > 0 { result.append(TextSegment(text: String(current), width: currentWidth)) }
        return result
    }
}
