public import TerminalKit

/// The keys that run commands in the layer being drawn, for footers and hints, so that a
/// footer always names the key that really works (`Ctrl-S save`, or `F2 save` in the
/// classic keymap) and names it the way help does.
public struct KeyHints: Sendable {
    public var keymap: Keymap
    public var contexts: [String]

    public init(keymap: Keymap, contexts: [String]) {
        self.keymap = keymap
        self.contexts = contexts
    }

    /// The label of the first key bound to `command` here, if any.
    public func key(_ command: String) -> String? {
        keymap.keys(for: command, in: contexts).first.map(KeyPress.label(of:))
    }

    /// `Ctrl-S save · Tab next field · Esc cancel`: each bound command with what it does; unbound ones left out.
    public func line(_ items: [(command: String, does: String)]) -> String {
        items.compactMap { item in key(item.command).map { "\($0) \(item.does)" } }.joined(separator: " · ")
    }
}

/// What a view may know besides its feature's state.
public struct ViewContext: Sendable {
    public var session: Session
    /// Whether this view has the keys (drawn highlighted).
    public var isFocused: Bool
    public var hints: KeyHints

    public init(session: Session, isFocused: Bool, hints: KeyHints) {
        self.session = session
        self.isFocused = isFocused
        self.hints = hints
    }
}
