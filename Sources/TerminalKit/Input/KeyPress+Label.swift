// How keys are written for people (help, footers, hints): `Ctrl-S`, `Shift-Tab`, `Enter`.
// Keymap files use the terse notation (`C-s`, `S-tab`, `ret`); screens use these labels,
// so help and the footers of forms always name a key the same way.

extension KeyPress {
    /// The key as a person reads it: `Ctrl-S`, `Alt-X`, `Shift-Tab`, `Enter`, `Esc`, `F12`, `Down`, `?`.
    public var label: String {
        var result = ""
        if modifiers.contains(.ctrl) { result += "Ctrl-" }
        if modifiers.contains(.alt) { result += "Alt-" }
        if modifiers.contains(.shift) { result += "Shift-" }
        return result + Self.label(of: key, withModifier: !modifiers.isEmpty)
    }

    /// A key sequence as a person reads it: labels joined by spaces (`g s`, `Ctrl-X Ctrl-S`).
    public static func label(of sequence: [KeyPress]) -> String {
        sequence.map(\.label).joined(separator: " ")
    }

    private static func label(of key: Key, withModifier: Bool) -> String {
        switch key {
        case .char(" "): "Space"
        case .char(let character): withModifier ? character.uppercased() : String(character)
        case .function(let number): "F\(number)"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        }
    }
}
