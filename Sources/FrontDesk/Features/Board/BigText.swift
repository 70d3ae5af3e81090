public import TerminalKit

/// Text drawn in the board's large lettering (``BoardFont``), each block `scale` cells wide and high.
struct BigText: Hashable, Sendable {
    var text: String
    var scale: Int
    var scope: Scope

    /// The block character every lit cell shows.
    static let block = "█"

    /// The columns and rows the text takes; nil when it has no large form.
    var size: Size? {
        guard scale >= 1, let width = BoardFont.width(of: text, scale: scale) else { return nil }
        return Size(width: width, height: BoardFont.height * scale)
    }

    /// The largest scale, up to `maxScale`, at which `text` fits in `size`; nil when it does not fit even at 1.
    static func largestScale(of text: String, fitting size: Size, maxScale: Int) -> Int? {
        guard let glyphs = BoardFont.glyphs(of: text), !glyphs.isEmpty else { return nil }
        var scale = max(1, min(maxScale, size.height / BoardFont.height))
        while scale >= 1 {
            if BoardFont.width(of: glyphs, scale: scale) <= size.width && BoardFont.height * scale <= size.height {
                return scale
            }
            scale -= 1
        }
        return nil
    }

    /// Draws the text with its top-left corner at `origin`, clipped to the buffer. Nothing is
    /// drawn for a text without a large form.
    func render(at origin: Position, buffer: inout Buffer) {
        guard scale >= 1, let glyphs = BoardFont.glyphs(of: text) else { return }
        let lit = Cell(Self.block, scope: scope)
        var x = origin.x
        for glyph in glyphs {
            for (row, line) in glyph.enumerated() {
                for (column, pixel) in line.enumerated() where pixel == "#" {
                    buffer.fill(
                        Rect(x: x + column * scale, y: origin.y + row * scale, width: scale, height: scale), with: lit)
                }
            }
            x += (BoardFont.glyphWidth(glyph) + BoardFont.spacing) * scale
        }
    }
}
