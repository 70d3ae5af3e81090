/// The outcome of looking up the keys typed so far.
public enum KeyResolution: Hashable, Sendable {
    /// Run these commands, in order.
    case command([String])
    /// The keys are a prefix: show the which-key menu and wait for the next key.
    case pending(PendingMenu)
    /// No binding: the app may treat a printable key as text input.
    case unbound
    /// A prefix was pending and this key does not continue it: close the menu, do nothing.
    case cancelled
}

/// The which-key menu for a pending prefix: the keys typed so far and what may follow.
public struct PendingMenu: Hashable, Sendable {
    /// What one following key does.
    public enum Target: Hashable, Sendable {
        /// Runs these commands.
        case commands([String])
        /// Opens a further menu with this label.
        case menu(label: String?)
    }

    /// One key that may follow.
    public struct Entry: Hashable, Sendable {
        /// The key.
        public var key: KeyPress
        /// What it does.
        public var target: Target

        /// Creates an entry.
        public init(key: KeyPress, target: Target) {
            self.key = key
            self.target = target
        }
    }

    /// The keys typed so far.
    public var keys: [KeyPress]
    /// The menu title, from the keymap's `label`.
    public var label: String?
    /// The keys that may follow, in keymap order (most specific context first).
    public var entries: [Entry]

    /// Creates a pending menu.
    public init(keys: [KeyPress], label: String?, entries: [Entry]) {
        self.keys = keys
        self.label = label
        self.entries = entries
    }

    /// The title to show: the label, or the keys typed so far.
    public var title: String { label ?? KeyPress.notation(of: keys) }
}
