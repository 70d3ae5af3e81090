/// The values of a ``Form``, which field has focus, and the scroll position.
public struct FormState: Hashable, Sendable {
    /// One text state per field.
    public var values: [TextFieldState]
    /// The focused field.
    public private(set) var focus: Int
    /// The first form row shown; adjusted when drawn so the focused field stays visible.
    public var scroll: Int

    /// Creates a state with initial values, focus on the first field.
    public init(values: [String]) {
        self.values = values.map { TextFieldState(text: $0) }
        self.focus = 0
        self.scroll = 0
    }

    /// Creates a state of `count` empty fields.
    public init(fieldCount count: Int) {
        self.init(values: Array(repeating: "", count: max(0, count)))
    }

    /// The text of field `index`, or empty.
    public func text(at index: Int) -> String {
        values.indices.contains(index) ? values[index].text : ""
    }

    /// Moves focus to the next field, wrapping around (Tab).
    public mutating func focusNext() {
        guard !values.isEmpty else { return }
        focus = (focus + 1) % values.count
    }

    /// Moves focus to the previous field, wrapping around (S-Tab).
    public mutating func focusPrevious() {
        guard !values.isEmpty else { return }
        focus = (focus - 1 + values.count) % values.count
    }

    /// Moves focus to field `index` (clamped).
    public mutating func focus(on index: Int) {
        guard !values.isEmpty else { return }
        focus = min(max(0, index), values.count - 1)
    }

    /// Applies an edit to the focused field; returns whether its text changed.
    @discardableResult
    public mutating func apply(_ edit: TextEdit) -> Bool {
        guard values.indices.contains(focus) else { return false }
        return values[focus].apply(edit)
    }
}
