/// Text attributes a theme may ask for.
public struct TextModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Bold (or bright) text.
    public static let bold = TextModifiers(rawValue: 1 << 0)
    /// Dim text.
    public static let dim = TextModifiers(rawValue: 1 << 1)
    /// Italic text.
    public static let italic = TextModifiers(rawValue: 1 << 2)
    /// Underlined text.
    public static let underlined = TextModifiers(rawValue: 1 << 3)
    /// Foreground and background swapped.
    public static let reversed = TextModifiers(rawValue: 1 << 4)

    /// Modifier names as theme files write them, with aliases.
    public static let names: [(name: String, modifier: TextModifiers)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underlined", .underlined), ("reversed", .reversed),
        ("underline", .underlined), ("reverse", .reversed), ("faint", .dim),
    ]

    /// The modifier called `name` in a theme file, or `nil`.
    public init?(named name: String) {
        guard let entry = Self.names.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = entry.modifier
    }

    /// The modifiers that make text stand out without colour.
    public static let emphasis: TextModifiers = [.bold, .underlined, .reversed]
}

/// How a scope looks once the theme has resolved it: what the backend draws with.
public struct TextStyle: Hashable, Sendable {
    /// The text colour.
    public var foreground: Color
    /// The cell background.
    public var background: Color
    /// Bold, underline and the like.
    public var modifiers: TextModifiers

    /// Creates a style.
    public init(foreground: Color = .default, background: Color = .default, modifiers: TextModifiers = []) {
        self.foreground = foreground
        self.background = background
        self.modifiers = modifiers
    }

    /// The terminal's own colours, no attributes.
    public static let plain = TextStyle()
}

/// What a theme says about one scope; anything left out comes from `ui.text`.
public struct ScopeStyle: Hashable, Sendable {
    /// The text colour, if set.
    public var foreground: Color?
    /// The background, if set.
    public var background: Color?
    /// The modifiers (replacing, not adding to, those of `ui.text`).
    public var modifiers: TextModifiers?

    /// Creates a scope style.
    public init(foreground: Color? = nil, background: Color? = nil, modifiers: TextModifiers? = nil) {
        self.foreground = foreground
        self.background = background
        self.modifiers = modifiers
    }
}
