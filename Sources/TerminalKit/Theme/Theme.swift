/// Maps semantic scopes to colours and attributes.
///
/// Lookups fall back along the scope: `queue.waiting.late` → `queue.waiting` → `queue` →
/// `ui.text`. The nearest scope the theme defines wins as a whole (its modifiers replace
/// those of `ui.text`), and colours it leaves out come from `ui.text`. Themes are loaded
/// from TOML by ``ThemeLoader``.
public struct Theme: Hashable, Sendable {
    /// The theme's name (its file name without `.toml`).
    public var name: String
    /// What the theme says about each scope it defines.
    public var styles: [Scope: ScopeStyle]

    /// Creates a theme.
    public init(name: String, styles: [Scope: ScopeStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The nearest scope along `scope`'s lineage that the theme defines, if any.
    public func definedScope(for scope: Scope) -> Scope? {
        scope.lineage.first { styles[$0] != nil }
    }

    /// How `scope` looks on a terminal with `mode` colour support.
    ///
    /// In ``ColorMode/monochrome`` only modifiers remain, and scopes that carry meaning also
    /// get their emphasis (see ``Theme/monochromeEmphasis(for:)``), whatever the theme says,
    /// so that no meaning is carried by colour alone.
    public func style(for scope: Scope, mode: ColorMode = .trueColor) -> TextStyle {
        let base = styles[.text] ?? ScopeStyle()
        let own = definedScope(for: scope).flatMap { styles[$0] } ?? base
        var style = TextStyle(
            foreground: (own.foreground ?? base.foreground ?? .default).degraded(to: mode),
            background: (own.background ?? base.background ?? .default).degraded(to: mode),
            modifiers: own.modifiers ?? base.modifiers ?? []
        )
        if mode == .monochrome, let emphasis = Theme.monochromeEmphasis(for: scope) {
            style.modifiers.formUnion(emphasis)
        }
        return style
    }
}
