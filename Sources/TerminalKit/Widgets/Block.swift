/// A box with a border and a title, framing a pane or a popup.
///
/// The border and title take `ui.border` / `ui.title`, or `ui.border.focus` /
/// `ui.title.focus` when the block has focus.
public struct Block: Widget {
    /// The title drawn on the top border.
    public var title: String?
    /// A note drawn at the right of the bottom border, such as a scroll hint.
    public var footer: String?
    /// Whether the framed pane has focus.
    public var isFocused: Bool
    /// Whether to draw a border at all.
    public var hasBorder: Bool
    /// When set, the inside is blanked in this scope.
    public var fill: Scope?
    /// Overrides the border scope.
    public var borderScope: Scope?
    /// Overrides the title scope.
    public var titleScope: Scope?

    /// Creates a block.
    public init(
        title: String? = nil, footer: String? = nil, isFocused: Bool = false, hasBorder: Bool = true,
        fill: Scope? = nil, borderScope: Scope? = nil, titleScope: Scope? = nil
    ) {
        self.title = title
        self.footer = footer
        self.isFocused = isFocused
        self.hasBorder = hasBorder
        self.fill = fill
        self.borderScope = borderScope
        self.titleScope = titleScope
    }

    /// The area inside the border; empty when `area` is too small for a border.
    public func inner(_ area: Rect) -> Rect {
        guard hasBorder else { return area }
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        return area.inset(by: 1)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        if let fill { buffer.fill(inner(area), scope: fill) }
        guard hasBorder, area.width >= 2, area.height >= 2 else {
            if !hasBorder { return }
            buffer.fill(area, scope: fill ?? .text)
            return
        }
        let border = borderScope ?? (isFocused ? .borderFocus : .border)
        let top = area.minY
        let bottom = area.maxY - 1
        let left = area.minX
        let right = area.maxX - 1
        // Built once: a border is the same few cells over and over.
        let horizontal = Cell(text: "─", width: 1, scope: border)
        let vertical = Cell(text: "│", width: 1, scope: border)
        for x in (left + 1)..<right {
            buffer.set(horizontal, at: Position(x: x, y: top))
            buffer.set(horizontal, at: Position(x: x, y: bottom))
        }
        for y in (top + 1)..<bottom {
            buffer.set(vertical, at: Position(x: left, y: y))
            buffer.set(vertical, at: Position(x: right, y: y))
        }
        buffer.set(Cell(text: "┌", width: 1, scope: border), at: Position(x: left, y: top))
        buffer.set(Cell(text: "┐", width: 1, scope: border), at: Position(x: right, y: top))
        buffer.set(Cell(text: "└", width: 1, scope: border), at: Position(x: left, y: bottom))
        buffer.set(Cell(text: "┘", width: 1, scope: border), at: Position(x: right, y: bottom))
        let room = area.width - 2
        if let title, !title.isEmpty, room >= 1 {
            let text = TextWidth.truncate(" \(title) ", toWidth: room)
            buffer.write(
                text, at: Position(x: left + 1, y: top), scope: titleScope ?? (isFocused ? .titleFocus : .title))
        }
        if let footer, !footer.isEmpty, room >= 3 {
            let text = TextWidth.truncate(" \(footer) ", toWidth: room)
            buffer.write(text, at: Position(x: right - text.displayWidth, y: bottom), scope: border)
        }
    }
}
