/// One editing action on a single-line text field.
public enum TextEdit: Hashable, Sendable {
    /// Typed text, inserted at the cursor.
    case insert(String)
    /// Pasted text: newlines and tabs become spaces, other control characters are dropped.
    case paste(String)
    /// One cell left.
    case moveLeft
    /// One cell right.
    case moveRight
    /// To the start of the previous word.
    case moveWordLeft
    /// To the end of the next word.
    case moveWordRight
    /// To the start.
    case moveHome
    /// To the end.
    case moveEnd
    /// Delete the cell before the cursor (backspace).
    case deleteBackward
    /// Delete the cell under the cursor (delete).
    case deleteForward
    /// Delete the word before the cursor (C-w, A-backspace).
    case deleteWordBackward
    /// Delete everything before the cursor (C-u).
    case deleteToStart
    /// Delete everything from the cursor on (C-k).
    case deleteToEnd

    /// The edit a key event stands for in a text field, or `nil` if it is not an edit.
    ///
    /// Printable characters insert; arrows, Home/End (also C-a/C-e, C-b/C-f) move; A-b/A-f and
    /// C-left/C-right move by word; backspace (C-h) and del (C-d) delete; C-w and A-backspace
    /// delete a word; C-u and C-k delete to the start and to the end; a paste inserts.
    public init?(_ event: KeyEvent) {
        switch event {
        case .paste(let text):
            self = .paste(text)
        case .key(let press):
            guard let edit = Self.edit(for: press) else { return nil }
            self = edit
        case .resize, .mouse:
            return nil
        }
    }

    private static func edit(for press: KeyPress) -> TextEdit? {
        if let text = press.text { return .insert(text) }
        let ctrl = press.modifiers == .ctrl
        let alt = press.modifiers == .alt
        let plain = press.modifiers.isEmpty
        switch press.key {
        case .left where plain: return .moveLeft
        case .right where plain: return .moveRight
        case .left where ctrl || alt: return .moveWordLeft
        case .right where ctrl || alt: return .moveWordRight
        case .home where plain: return .moveHome
        case .end where plain: return .moveEnd
        case .backspace where plain: return .deleteBackward
        case .backspace where ctrl || alt: return .deleteWordBackward
        case .delete where plain: return .deleteForward
        case .char(let c) where ctrl:
            switch c {
            case "a": return .moveHome
            case "e": return .moveEnd
            case "b": return .moveLeft
            case "f": return .moveRight
            case "h": return .deleteBackward
            case "d": return .deleteForward
            case "w": return .deleteWordBackward
            case "u": return .deleteToStart
            case "k": return .deleteToEnd
            default: return nil
            }
        case .char(let c) where alt:
            switch c {
            case "b": return .moveWordLeft
            case "f": return .moveWordRight
            default: return nil
            }
        default:
            return nil
        }
    }
}
