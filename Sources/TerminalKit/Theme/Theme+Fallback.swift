extension Theme {
    /// A small theme built into the code, for when no theme file can be loaded.
    ///
    /// It uses the terminal's own colours plus a few ANSI colours, and marks every
    /// meaningful scope with bold, underline or reverse.
    public static let fallback = Theme(
        name: "fallback",
        styles: [
            .text: ScopeStyle(),
            .textDim: ScopeStyle(modifiers: .dim),
            .borderFocus: ScopeStyle(foreground: .ansi(6), modifiers: .bold),
            .title: ScopeStyle(modifiers: .bold),
            .titleFocus: ScopeStyle(foreground: .ansi(6), modifiers: .bold),
            .selection: ScopeStyle(modifiers: .reversed),
            .selectionUnfocused: ScopeStyle(modifiers: .underlined),
            .header: ScopeStyle(modifiers: [.bold, .underlined]),
            .statusline: ScopeStyle(modifiers: .reversed),
            .statuslineMode: ScopeStyle(modifiers: [.reversed, .bold]),
            .tabActive: ScopeStyle(modifiers: [.reversed, .bold]),
            .helpKey: ScopeStyle(modifiers: .bold),
            .menuKey: ScopeStyle(modifiers: .bold),
            .dialogTitle: ScopeStyle(modifiers: .bold),
            .field: ScopeStyle(modifiers: .underlined),
            .fieldFocus: ScopeStyle(modifiers: [.underlined, .bold]),
            .error: ScopeStyle(foreground: .ansi(1), modifiers: .bold),
            .hint: ScopeStyle(modifiers: .dim),
            "alert": ScopeStyle(foreground: .ansi(1), modifiers: [.bold, .reversed]),
            "alert.allergy.severe": ScopeStyle(foreground: .ansi(1), modifiers: [.bold, .reversed, .underlined]),
            "queue.waiting.late": ScopeStyle(foreground: .ansi(3), modifiers: [.bold, .underlined]),
            "queue.priority.urgent": ScopeStyle(foreground: .ansi(1), modifiers: [.bold, .reversed]),
            "sync.offline": ScopeStyle(foreground: .ansi(3), modifiers: .reversed),
            "sync.conflict": ScopeStyle(foreground: .ansi(1), modifiers: [.bold, .reversed]),
        ])
}
