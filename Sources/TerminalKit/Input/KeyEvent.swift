/// A mouse button.
public enum MouseButton: Hashable, Sendable {
    /// The primary button.
    case left
    /// The middle button or wheel click.
    case middle
    /// The secondary button.
    case right
}

/// A mouse action at a cell.
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Kind: Hashable, Sendable {
        /// A button was pressed.
        case press(MouseButton)
        /// The wheel turned up (away from the user).
        case wheelUp
        /// The wheel turned down (towards the user).
        case wheelDown
    }

    /// What the mouse did.
    public var kind: Kind
    /// The cell under the pointer.
    public var position: Position
    /// Modifiers held during the action.
    public var modifiers: Modifiers

    /// Creates a mouse event.
    public init(_ kind: Kind, at position: Position, modifiers: Modifiers = []) {
        self.kind = kind
        self.position = position
        self.modifiers = modifiers
    }
}

/// Everything the terminal tells the app: keys, pasted text, a new size, mouse actions.
///
/// Typed text arrives as ``key(_:)`` events of printable characters, one per character (see
/// ``KeyPress/text``); text pasted in a terminal with bracketed paste arrives whole as
/// ``paste(_:)``, so a pasted newline never triggers a command.
public enum KeyEvent: Hashable, Sendable {
    /// A key press, possibly with modifiers.
    case key(KeyPress)
    /// Text pasted into the terminal, newlines as `\n`.
    case paste(String)
    /// The terminal changed size; the next frame is drawn from scratch.
    case resize(Size)
    /// A mouse click or wheel turn.
    case mouse(MouseEvent)

    /// The key press, if this is a key event.
    public var keyPress: KeyPress? {
        if case .key(let press) = self { return press }
        return nil
    }
}
