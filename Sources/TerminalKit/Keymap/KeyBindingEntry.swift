/// One complete binding, flattened out of the key trie: for help screens and checks.
public struct KeyBindingEntry: Hashable, Sendable {
    /// The context it belongs to.
    public var context: String
    /// The full key sequence.
    public var keys: [KeyPress]
    /// The commands it runs.
    public var commands: [String]

    /// Creates an entry.
    public init(context: String, keys: [KeyPress], commands: [String]) {
        self.context = context
        self.keys = keys
        self.commands = commands
    }
}

extension Keymap {
    /// Every command binding of `context`, depth first in keymap order (`"none"` entries omitted).
    public func bindings(in context: String) -> [KeyBindingEntry] {
        guard let root = contexts[context] else { return [] }
        var result: [KeyBindingEntry] = []
        collect(root, prefix: [], context: context, into: &result)
        return result
    }

    private func collect(_ menu: KeyMenu, prefix: [KeyPress], context: String, into result: inout [KeyBindingEntry]) {
        for entry in menu.entries {
            let keys = prefix + [entry.key]
            switch entry.binding {
            case .commands(let names):
                result.append(KeyBindingEntry(context: context, keys: keys, commands: names))
            case .menu(let submenu):
                collect(submenu, prefix: keys, context: context, into: &result)
            case .unbound:
                break
            }
        }
    }

    /// The label of the prefix menu reached by `keys` in `context`, if it has one.
    public func menuLabel(for keys: [KeyPress], in context: String) -> String? {
        if case .menu(let menu)? = binding(for: keys, in: context) { return menu.label }
        return nil
    }
}
