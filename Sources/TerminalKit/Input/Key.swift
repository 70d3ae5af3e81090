/// A key on the keyboard, without modifiers.
public enum Key: Hashable, Sendable {
    /// A printable character, such as `a`, `A`, `/`, `é` or `王`.
    case char(Character)
    /// A function key, F1 to F24.
    case function(Int)
    /// Enter / Return (`ret`).
    case enter
    /// Escape (`esc`).
    case escape
    /// Tab.
    case tab
    /// Backspace.
    case backspace
    /// Delete (`del`).
    case delete
    /// Insert (`ins`).
    case insert
    /// Home.
    case home
    /// End.
    case end
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
}

/// Modifier keys held with a key.
public struct Modifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Control (`C-`).
    public static let ctrl = Modifiers(rawValue: 1 << 0)
    /// Alt or Meta (`A-`); terminals send it as an Escape prefix.
    public static let alt = Modifiers(rawValue: 1 << 1)
    /// Shift (`S-`); for letters it is folded into the upper-case character instead.
    public static let shift = Modifiers(rawValue: 1 << 2)
}

/// A key together with the modifiers held: one entry of a key sequence.
public struct KeyPress: Hashable, Sendable, CustomStringConvertible {
    /// The key.
    public var key: Key
    /// The modifiers held.
    public var modifiers: Modifiers

    /// Creates a key press.
    public init(_ key: Key, modifiers: Modifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    /// A plain printable character.
    public static func char(_ character: Character) -> KeyPress {
        KeyPress(.char(character))
    }

    /// A character with Control held (`C-x`).
    public static func ctrl(_ character: Character) -> KeyPress {
        KeyPress(.char(character), modifiers: .ctrl)
    }

    /// A character with Alt held (`A-x`).
    public static func alt(_ character: Character) -> KeyPress {
        KeyPress(.char(character), modifiers: .alt)
    }

    /// The text this key types: its character when no Control or Alt is held, else `nil`.
    ///
    /// Text input arrives as key presses; when the keymap leaves a key unbound, the app
    /// inserts this text into the focused field.
    public var text: String? {
        guard case .char(let character) = key, modifiers.isDisjoint(with: [.ctrl, .alt]) else { return nil }
        return String(character)
    }

    public var description: String { notation }
}
