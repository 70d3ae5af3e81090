/// One thing drawn on a page, positioned in points from the top-left of whatever holds it
/// (a piece while laying out, the page once placed).
enum PageMark: Sendable, Hashable {
    /// Text wrapped to `width`, its top-left at (`x`, `y`); with `lines`, only those lines.
    case text(
        String, style: TextStyle, x: Double, y: Double, width: Double, alignment: TextAlignment, lines: Range<Int>?)
    /// A horizontal line from `x0` to `x1` at `y`.
    case rule(x0: Double, x1: Double, y: Double, width: Double, gray: Double)
    /// A rectangle's outline.
    case frame(PageRect, width: Double)
    /// Filled black rectangles, drawn as one shape (a QR code's modules).
    case fill([PageRect])

    /// The same mark moved right by `dx` and down by `dy`.
    func offset(dx: Double, dy: Double) -> PageMark {
        switch self {
        case .text(let text, let style, let x, let y, let width, let alignment, let lines):
            return .text(text, style: style, x: x + dx, y: y + dy, width: width, alignment: alignment, lines: lines)
        case .rule(let x0, let x1, let y, let width, let gray):
            return .rule(x0: x0 + dx, x1: x1 + dx, y: y + dy, width: width, gray: gray)
        case .frame(let rect, let width):
            return .frame(rect.offset(dx: dx, dy: dy), width: width)
        case .fill(let rects):
            return .fill(rects.map { $0.offset(dx: dx, dy: dy) })
        }
    }

    /// Draws the mark.
    func draw(on canvas: borrowing PDFCanvas) {
        switch self {
        case .text(let text, let style, let x, let y, let width, let alignment, let lines):
            canvas.drawText(text, style: style, x: x, y: y, width: width, alignment: alignment, lines: lines)
        case .rule(let x0, let x1, let y, let width, let gray):
            canvas.strokeLine(fromX: x0, y: y, toX: x1, y: y, width: width, gray: gray)
        case .frame(let rect, let width):
            canvas.strokeRectangle(rect, width: width)
        case .fill(let rects):
            canvas.fillRectangles(rects)
        }
    }
}

extension PageRect {
    /// The same rectangle moved right by `dx` and down by `dy`.
    func offset(dx: Double, dy: Double) -> PageRect {
        PageRect(x: x + dx, y: y + dy, width: width, height: height)
    }
}
