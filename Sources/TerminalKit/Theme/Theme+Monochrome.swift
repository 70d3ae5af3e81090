extension Theme {
    /// Scopes that carry meaning, with the emphasis added to them in monochrome; most
    /// specific first. Related scopes get different emphasis so they stay apart.
    private static let meaningful: [(scope: Scope, emphasis: TextModifiers)] = [
        ("alert.allergy.severe", [.bold, .reversed, .underlined]),
        ("alert.unknown", [.underlined]),
        ("alert", [.bold, .reversed]),
        ("ui.selection.unfocused", [.underlined]),
        ("ui.selection", [.reversed]),
        ("ui.border.focus", [.bold]),
        ("ui.title.focus", [.bold]),
        ("ui.tab.active", [.reversed]),
        ("ui.field.focus", [.underlined]),
        ("ui.error", [.bold]),
        ("queue.waiting.late", [.bold, .underlined]),
        ("queue.priority.urgent", [.bold, .reversed]),
        ("sync.offline", [.reversed]),
        ("sync.conflict", [.bold, .reversed]),
    ]

    /// The emphasis added to a meaningful scope in monochrome, or `nil` for an ordinary scope.
    ///
    /// Meaningful: anything under `alert`, any `*.selected` scope, selections, focus borders
    /// and titles, the active tab, the focused field, errors, late and urgent queue entries,
    /// and the offline and conflict sync states.
    public static func monochromeEmphasis(for scope: Scope) -> TextModifiers? {
        if let rule = meaningful.first(where: { scope.isWithin($0.scope) }) { return rule.emphasis }
        if scope.components.last == "selected" { return [.reversed] }
        return nil
    }
}
