import CNcursesw
import TerminalKit

/// Maps curses key codes (`KEY_*` and the extended codes of modified keys) to ``KeyPress``.
enum CursesKeyCodes {
    /// Codes bound with `define_key` to the bracketed-paste start and end sequences.
    static let pasteStart: Int32 = 0x6F00
    static let pasteEnd: Int32 = 0x6F01

    private static let table: [Int32: KeyPress] = [
        KEY_UP: KeyPress(.up), KEY_DOWN: KeyPress(.down), KEY_LEFT: KeyPress(.left), KEY_RIGHT: KeyPress(.right),
        KEY_HOME: KeyPress(.home), KEY_END: KeyPress(.end), KEY_NPAGE: KeyPress(.pageDown),
        KEY_PPAGE: KeyPress(.pageUp),
        KEY_DC: KeyPress(.delete), KEY_IC: KeyPress(.insert), KEY_BACKSPACE: KeyPress(.backspace),
        KEY_ENTER: KeyPress(.enter), KEY_BTAB: KeyPress(.tab, modifiers: .shift),
        KEY_SLEFT: KeyPress(.left, modifiers: .shift), KEY_SRIGHT: KeyPress(.right, modifiers: .shift),
        KEY_SR: KeyPress(.up, modifiers: .shift), KEY_SF: KeyPress(.down, modifiers: .shift),
        KEY_SHOME: KeyPress(.home, modifiers: .shift), KEY_SEND: KeyPress(.end, modifiers: .shift),
        KEY_SDC: KeyPress(.delete, modifiers: .shift), KEY_SIC: KeyPress(.insert, modifiers: .shift),
        KEY_SNEXT: KeyPress(.pageDown, modifiers: .shift), KEY_SPREVIOUS: KeyPress(.pageUp, modifiers: .shift),
    ]

    /// Extended terminfo names of modifiable keys (`kUP5` is C-up).
    private static let extendedNames: [String: Key] = [
        "kUP": .up, "kDN": .down, "kLFT": .left, "kRIT": .right, "kHOM": .home, "kEND": .end,
        "kNXT": .pageDown, "kPRV": .pageUp, "kDC": .delete, "kIC": .insert,
    ]

    /// The xterm modifier number suffix (2–8) as modifiers.
    private static func modifiers(suffix: Int) -> Modifiers? {
        guard (2...8).contains(suffix) else { return nil }
        let bits = suffix - 1
        var result: Modifiers = []
        if bits & 1 != 0 { result.insert(.shift) }
        if bits & 2 != 0 { result.insert(.alt) }
        if bits & 4 != 0 { result.insert(.ctrl) }
        return result
    }

    /// The key press for a curses key code, or `nil` for codes that are not keys.
    static func keyPress(for code: Int32) -> KeyPress? {
        if let press = table[code] { return press }
        let function = code - cn_key_f(0)
        if (1...24).contains(function) { return KeyPress(.function(Int(function))) }
        guard code > KEY_MAX, let name = keyname(code).map({ String(cString: $0) }) else { return nil }
        let digits = name.reversed().prefix { $0.isNumber }
        guard let suffix = Int(String(digits.reversed())), let modifiers = modifiers(suffix: suffix),
            let key = extendedNames[String(name.dropLast(digits.count))]
        else { return nil }
        return KeyPress(key, modifiers: modifiers)
    }

    /// The key press for a character from `get_wch`: control characters become their keys.
    static func keyPress(forCharacter value: UInt32) -> KeyPress? {
        switch value {
        case 13: return KeyPress(.enter)
        case 9: return KeyPress(.tab)
        case 8, 127: return KeyPress(.backspace)
        case 27: return KeyPress(.escape)
        case 0: return KeyPress(.char(" "), modifiers: .ctrl)
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(96 + value))))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        default:
            guard let scalar = Unicode.Scalar(value), CellWidth.of(scalar) != nil else { return nil }
            return .char(Character(scalar))
        }
    }
}
