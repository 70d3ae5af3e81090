/// Remembers a pending key prefix between key presses.
///
/// ```swift
/// switch dispatcher.handle(press, keymap: keymap, contexts: ["pane.queue", "global"]) {
/// case .command(let names): run(names)
/// case .pending(let menu): showWhichKey(menu)
/// case .unbound: insertText(press.text)
/// case .cancelled: hideWhichKey()
/// }
/// ```
public struct KeyDispatcher: Hashable, Sendable {
    /// The prefix typed so far; empty when no menu is open.
    public private(set) var pending: [KeyPress] = []

    /// Creates a dispatcher with nothing pending.
    public init() {}

    /// Resolves `key` after the pending prefix and updates the prefix.
    ///
    /// Escape after a prefix cancels it unless the menu binds Escape.
    public mutating func handle(_ key: KeyPress, keymap: Keymap, contexts: [String]) -> KeyResolution {
        let keys = pending + [key]
        let resolution = keymap.resolve(keys, contexts: contexts)
        if case .pending = resolution {
            pending = keys
        } else {
            pending = []
        }
        return resolution
    }

    /// Forgets the pending prefix (for example when focus moves).
    public mutating func reset() {
        pending = []
    }
}
