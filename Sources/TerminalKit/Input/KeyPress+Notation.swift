// Helix-style key notation: `C-s`, `A-x`, `S-tab`, `C-A-x`, `F2`, `ret`, `space`, `/`.

extension KeyPress {
    /// Modifier prefixes, canonical spelling first, each with its aliases.
    private static let modifierPrefixes: [(prefix: String, modifier: Modifiers)] = [
        ("c-", .ctrl), ("ctrl-", .ctrl),
        ("a-", .alt), ("alt-", .alt), ("m-", .alt), ("meta-", .alt),
        ("s-", .shift), ("shift-", .shift),
    ]

    /// Key names, canonical spelling first, each with its aliases (compared in lower case).
    private static let namedKeys: [(names: [String], key: Key)] = [
        (["ret", "enter", "return", "cr"], .enter),
        (["esc", "escape"], .escape),
        (["tab"], .tab),
        (["backspace", "bs"], .backspace),
        (["del", "delete"], .delete),
        (["ins", "insert"], .insert),
        (["home"], .home),
        (["end"], .end),
        (["pageup", "pgup"], .pageUp),
        (["pagedown", "pgdown", "pgdn"], .pageDown),
        (["up"], .up),
        (["down"], .down),
        (["left"], .left),
        (["right"], .right),
        (["space"], .char(" ")),
        (["minus"], .char("-")),
    ]

    /// Reads one key in helix notation.
    ///
    /// Modifiers `C-` (or `ctrl-`), `A-` (`alt-`, `M-`), `S-` (`shift-`) prefix a key name
    /// (`ret`, `esc`, `tab`, `backspace`, `del`, `ins`, `home`, `end`, `pageup`, `pagedown`,
    /// `up`, `down`, `left`, `right`, `space`, `minus`, `F1`…`F24`) or a single printable
    /// character. `S-` with a letter gives the upper-case letter; `C-` with a letter is
    /// case-insensitive, as terminals cannot tell `C-a` from `C-A`.
    public init(notation: String) throws(KeyNotationError) {
        guard !notation.isEmpty else { throw KeyNotationError(notation: notation, reason: .empty) }
        var rest = Substring(notation)
        var modifiers: Modifiers = []
        scan: while true {
            let lowered = rest.lowercased()
            for (prefix, modifier) in Self.modifierPrefixes where lowered.hasPrefix(prefix) {
                guard rest.count > prefix.count else {
                    throw KeyNotationError(notation: notation, reason: .missingKey)
                }
                guard !modifiers.contains(modifier) else {
                    throw KeyNotationError(
                        notation: notation, reason: .repeatedModifier(String(rest.prefix(prefix.count))))
                }
                modifiers.insert(modifier)
                rest = rest.dropFirst(prefix.count)
                continue scan
            }
            break
        }
        var key = try Self.key(named: String(rest), notation: notation)
        if modifiers.contains(.shift), case .char(let character) = key {
            let upper = Character(String(character).uppercased())
            guard character.isLetter, String(upper).count == 1, upper.isUppercase else {
                throw KeyNotationError(notation: notation, reason: .shiftWithCharacter(character))
            }
            key = .char(upper)
            modifiers.remove(.shift)
        }
        if modifiers.contains(.ctrl), case .char(let character) = key, character.isLetter, character.isASCII {
            key = .char(Character(character.lowercased()))
        }
        self.init(key, modifiers: modifiers)
    }

    private static func key(named name: String, notation: String) throws(KeyNotationError) -> Key {
        let lowered = name.lowercased()
        if let entry = namedKeys.first(where: { $0.names.contains(lowered) }) { return entry.key }
        if lowered.count >= 2, lowered.first == "f", let number = Int(lowered.dropFirst()) {
            guard (1...24).contains(number) else {
                throw KeyNotationError(notation: notation, reason: .functionKeyOutOfRange(number))
            }
            return .function(number)
        }
        if name.count == 1, let character = name.first,
            character.unicodeScalars.allSatisfy({ CellWidth.of($0) != nil }),
            !character.isWhitespace
        {
            return .char(character)
        }
        throw KeyNotationError(notation: notation, reason: .unknownKey(name))
    }

    /// Reads a space-separated key sequence such as `g s` or `C-x C-s`.
    public static func sequence(_ notation: String) throws(KeyNotationError) -> [KeyPress] {
        let parts = notation.split(separator: " ", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { throw KeyNotationError(notation: notation, reason: .empty) }
        var keys: [KeyPress] = []
        for part in parts {
            keys.append(try KeyPress(notation: String(part)))
        }
        return keys
    }

    /// The canonical notation of this key press, as shown in help and hints: `C-s`, `S-tab`, `F2`.
    public var notation: String {
        var result = ""
        if modifiers.contains(.ctrl) { result += "C-" }
        if modifiers.contains(.alt) { result += "A-" }
        if modifiers.contains(.shift) { result += "S-" }
        return result + Self.name(of: key)
    }

    /// The canonical notation of a key sequence: key notations joined by spaces.
    public static func notation(of sequence: [KeyPress]) -> String {
        sequence.map(\.notation).joined(separator: " ")
    }

    private static func name(of key: Key) -> String {
        switch key {
        case .char(" "): return "space"
        case .char("-"): return "minus"
        case .char(let character): return String(character)
        case .function(let number): return "F\(number)"
        default: return namedKeys.first(where: { $0.key == key })?.names.first ?? "?"
        }
    }
}
