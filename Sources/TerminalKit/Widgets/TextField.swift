/// A single-line input field that scrolls sideways to keep the cursor in view while it has
/// focus, and shows the start of its text otherwise.
///
/// It fills its first row with `ui.field` (`ui.field.focus` when focused) and, when focused,
/// asks for the terminal cursor through ``Buffer/cursor``.
public struct TextField: StatefulWidget {
    /// Shown dimmed while the field is empty.
    public var placeholder: String?
    /// Whether the field has keyboard focus.
    public var isFocused: Bool
    /// Whether to hide the text behind bullets.
    public var isSecure: Bool
    /// Overrides the field scope.
    public var scope: Scope?

    /// Creates a text field.
    public init(placeholder: String? = nil, isFocused: Bool = false, isSecure: Bool = false, scope: Scope? = nil) {
        self.placeholder = placeholder
        self.isFocused = isFocused
        self.isSecure = isSecure
        self.scope = scope
    }

    public func render(in area: Rect, buffer: inout Buffer, state: inout TextFieldState) {
        let row = area.row(0)
        guard !row.isEmpty else { return }
        let fieldScope = scope ?? (isFocused ? .fieldFocus : .field)
        buffer.fill(row, scope: fieldScope)
        let shown = isSecure ? String(repeating: "•", count: state.cellCount) : state.text
        let cursorColumn = isSecure ? state.cursor : state.cursorColumn
        let totalWidth = isSecure ? state.cellCount : state.width
        let cursorCellWidth = isSecure ? 1 : max(1, TextWidth.displayWidth(of: cellText(state, at: state.cursor)))
        state.scroll =
            isFocused
            ? Self.scroll(
                current: state.scroll, cursor: cursorColumn, cursorWidth: cursorCellWidth, total: totalWidth,
                width: row.width)
            : 0
        if shown.isEmpty, let placeholder, !isFocused {
            buffer.write(TextWidth.truncate(placeholder, toWidth: row.width), at: row.origin, scope: .hint, clip: row)
        } else {
            buffer.write(shown, at: Position(x: row.x - state.scroll, y: row.y), scope: fieldScope, clip: row)
        }
        if isFocused {
            buffer.cursor = Position(x: row.x + min(row.width - 1, cursorColumn - state.scroll), y: row.y)
        }
    }

    /// The text of the cell at `index`, or empty past the end.
    private func cellText(_ state: TextFieldState, at index: Int) -> String {
        let segments = TextWidth.segments(of: state.text)
        return index < segments.count ? segments[index].text : ""
    }

    /// The first visible column that keeps the cursor cell inside `width` columns.
    static func scroll(current: Int, cursor: Int, cursorWidth: Int, total: Int, width: Int) -> Int {
        guard width > 0 else { return 0 }
        var scroll = current
        if cursor < scroll { scroll = cursor }
        if cursor + cursorWidth > scroll + width { scroll = cursor + cursorWidth - width }
        scroll = min(scroll, max(0, total + 1 - width))
        scroll = max(0, min(scroll, cursor))
        return scroll
    }
}
