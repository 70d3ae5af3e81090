/// A key notation that could not be read, such as `C-foo` or `F99`.
public struct KeyNotationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the notation.
    public enum Reason: Hashable, Sendable {
        /// The notation is empty.
        case empty
        /// The part after the modifiers is not a key name nor a single character.
        case unknownKey(String)
        /// Modifiers are given but no key, as in `C-`.
        case missingKey
        /// A modifier appears twice, as in `C-C-x`.
        case repeatedModifier(String)
        /// A function key outside F1–F24.
        case functionKeyOutOfRange(Int)
        /// `S-` with a character that has no upper case; write the shifted character itself.
        case shiftWithCharacter(Character)
    }

    /// The notation as written.
    public var notation: String
    /// What is wrong with it.
    public var reason: Reason

    /// Creates an error for `notation`.
    public init(notation: String, reason: Reason) {
        self.notation = notation
        self.reason = reason
    }

    public var description: String {
        let detail: String
        switch reason {
        case .empty:
            detail = "no key given"
        case .unknownKey(let name):
            detail = "unknown key name \"\(name)\" (use names like ret, esc, tab, space, F2, or one character)"
        case .missingKey:
            detail = "modifiers without a key"
        case .repeatedModifier(let modifier):
            detail = "modifier \"\(modifier)\" given twice"
        case .functionKeyOutOfRange(let number):
            detail = "F\(number) is not a function key (F1 to F24)"
        case .shiftWithCharacter(let character):
            detail = "S- cannot be combined with \"\(character)\"; write the shifted character itself"
        }
        return "bad key notation \"\(notation)\": \(detail)"
    }
}
