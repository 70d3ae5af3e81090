/// One field of a ``Form``.
public struct FormField: Hashable, Sendable {
    /// The label before (or, when narrow, above) the field.
    public var label: String
    /// Shown dimmed while the field is empty and unfocused.
    public var placeholder: String?
    /// A validation message shown under the field, in `ui.error`.
    public var error: String?
    /// Whether the label is marked as required with `*`.
    public var isRequired: Bool
    /// Whether the value is hidden behind bullets.
    public var isSecure: Bool

    /// Creates a field.
    public init(
        _ label: String, placeholder: String? = nil, error: String? = nil, isRequired: Bool = false,
        isSecure: Bool = false
    ) {
        self.label = label
        self.placeholder = placeholder
        self.error = error
        self.isRequired = isRequired
        self.isSecure = isSecure
    }
}

/// A column of labelled text fields with per-field error messages.
///
/// At 30 columns or more labels sit left of the fields; narrower, each label goes above its
/// field. An error takes the row under its field, prefixed with `!` so it does not rely on
/// colour. The form scrolls to keep the focused field, and its error, visible.
public struct Form: StatefulWidget {
    /// The fields, top to bottom.
    public var fields: [FormField]
    /// Whether the form has focus (its focused field then shows the cursor).
    public var isFocused: Bool

    /// Creates a form.
    public init(fields: [FormField], isFocused: Bool = true) {
        self.fields = fields
        self.isFocused = isFocused
    }

    /// The rows each field takes and where its input sits, for `area`.
    public func placements(in area: Rect) -> [(rows: Range<Int>, label: Rect, input: Rect)] {
        let stacked = area.width < 30
        let labelWidth = min(fields.map { labelText($0).displayWidth }.max() ?? 0, area.width / 3)
        var placements: [(rows: Range<Int>, label: Rect, input: Rect)] = []
        var row = 0
        for field in fields {
            let height = (stacked ? 2 : 1) + (field.error == nil ? 0 : 1)
            let label: Rect
            let input: Rect
            if stacked {
                label = Rect(x: area.x, y: row, width: area.width, height: 1)
                input = Rect(x: area.x, y: row + 1, width: area.width, height: 1)
            } else {
                label = Rect(x: area.x, y: row, width: labelWidth, height: 1)
                input = Rect(x: area.x + labelWidth + 1, y: row, width: area.width - labelWidth - 1, height: 1)
            }
            placements.append((row..<(row + height), label, input))
            row += height
        }
        return placements
    }

    public func render(in area: Rect, buffer: inout Buffer, state: inout FormState) {
        guard !area.isEmpty else { return }
        let placements = placements(in: area)
        if placements.indices.contains(state.focus) {
            let rows = placements[state.focus].rows
            if rows.lowerBound < state.scroll { state.scroll = rows.lowerBound }
            if rows.upperBound > state.scroll + area.height { state.scroll = rows.upperBound - area.height }
        }
        let totalRows = placements.last?.rows.upperBound ?? 0
        state.scroll = min(max(0, state.scroll), max(0, totalRows - area.height))
        for (index, field) in fields.enumerated() {
            guard state.values.indices.contains(index) else { break }
            let place = placements[index]
            let shift = area.y - state.scroll
            let label = Rect(x: place.label.x, y: place.label.y + shift, width: place.label.width, height: 1)
            let input = Rect(x: place.input.x, y: place.input.y + shift, width: place.input.width, height: 1)
            let isFocused = isFocused && index == state.focus
            if area.contains(label.origin) {
                buffer.write(
                    TextWidth.truncate(labelText(field), toWidth: label.width), at: label.origin,
                    scope: .fieldLabel, clip: area)
            }
            if area.contains(input.origin) {
                TextField(placeholder: field.placeholder, isFocused: isFocused, isSecure: field.isSecure)
                    .render(in: input, buffer: &buffer, state: &state.values[index])
            }
            if let error = field.error {
                let errorRow = Position(x: input.x, y: input.y + 1)
                if area.contains(errorRow) {
                    let text = TextWidth.truncate("! " + error, toWidth: area.maxX - input.x)
                    buffer.write(text, at: errorRow, scope: .error, clip: area)
                }
            }
        }
    }

    private func labelText(_ field: FormField) -> String {
        field.isRequired ? field.label + " *" : field.label
    }
}
