/// What a key (or key sequence) does in one context: a node of the key trie.
public enum KeyBinding: Hashable, Sendable {
    /// Run these commands in order.
    case commands([String])
    /// A prefix: the next key is looked up in this menu.
    case menu(KeyMenu)
    /// Explicitly unbound (`"none"` in a keymap file): the key does nothing here and hides
    /// bindings of the same key in less specific contexts, so the app treats it as text.
    case unbound
}

/// A level of the key trie: the keys that may follow, with an optional label for the
/// which-key popup (such as "Go to").
public struct KeyMenu: Hashable, Sendable {
    /// One key of the menu and what it does.
    public struct Entry: Hashable, Sendable {
        /// The key.
        public var key: KeyPress
        /// What it does.
        public var binding: KeyBinding

        /// Creates an entry.
        public init(key: KeyPress, binding: KeyBinding) {
            self.key = key
            self.binding = binding
        }
    }

    /// The title shown in the which-key popup.
    public var label: String?
    /// The keys of this level, in the order they were defined.
    public private(set) var entries: [Entry]

    /// Creates a menu.
    public init(label: String? = nil, entries: [Entry] = []) {
        self.label = label
        self.entries = []
        for entry in entries { self[entry.key] = entry.binding }
    }

    /// What `key` does at this level; assigning `nil` removes it.
    public subscript(key: KeyPress) -> KeyBinding? {
        get { entries.first(where: { $0.key == key })?.binding }
        set {
            let index = entries.firstIndex(where: { $0.key == key })
            switch (index, newValue) {
            case (let index?, let binding?): entries[index].binding = binding
            case (let index?, nil): entries.remove(at: index)
            case (nil, let binding?): entries.append(Entry(key: key, binding: binding))
            case (nil, nil): break
            }
        }
    }

    /// The node reached by following `keys` from this menu, or `nil` if the path breaks.
    public func binding(at keys: some Collection<KeyPress>) -> KeyBinding? {
        guard let first = keys.first, let node = self[first] else { return nil }
        let rest = keys.dropFirst()
        if rest.isEmpty { return node }
        guard case .menu(let submenu) = node else { return nil }
        return submenu.binding(at: rest)
    }

    /// This menu with `overlay` laid over it: overlay keys replace ours, except that two
    /// menus under the same key are merged, and the overlay label wins when it has one.
    public func merging(_ overlay: KeyMenu) -> KeyMenu {
        var result = self
        result.label = overlay.label ?? label
        for entry in overlay.entries {
            if case .menu(let mine)? = result[entry.key], case .menu(let theirs) = entry.binding {
                result[entry.key] = .menu(mine.merging(theirs))
            } else {
                result[entry.key] = entry.binding
            }
        }
        return result
    }
}
