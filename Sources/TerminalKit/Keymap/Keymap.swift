/// Key bindings by context: for each context name, a trie of keys leading to commands.
///
/// Keymaps are data: shipped defaults and user files are parsed (``parse(_:catalog:contexts:)``),
/// laid over each other (``merging(_:)``), and consulted on every key press with
/// ``resolve(_:contexts:)``, usually through a ``KeyDispatcher`` that remembers pending prefixes.
public struct Keymap: Hashable, Sendable {
    /// The root menu of each context.
    public var contexts: [String: KeyMenu]

    /// Creates a keymap.
    public init(contexts: [String: KeyMenu] = [:]) {
        self.contexts = contexts
    }

    /// The node that `keys` reach in `context`, if any.
    public func binding(for keys: [KeyPress], in context: String) -> KeyBinding? {
        contexts[context]?.binding(at: keys)
    }

    /// Binds `keys` in `context`, creating prefix menus as needed and replacing whatever
    /// the path ran into.
    public mutating func bind(_ keys: [KeyPress], to binding: KeyBinding, in context: String) {
        guard !keys.isEmpty else { return }
        contexts[context] = Self.binding(keys[...], to: binding, in: contexts[context] ?? KeyMenu())
    }

    private static func binding(_ keys: ArraySlice<KeyPress>, to binding: KeyBinding, in menu: KeyMenu) -> KeyMenu {
        var menu = menu
        guard let first = keys.first else { return menu }
        let rest = keys.dropFirst()
        if rest.isEmpty {
            menu[first] = binding
        } else if case .menu(let submenu)? = menu[first] {
            menu[first] = .menu(Self.binding(rest, to: binding, in: submenu))
        } else {
            menu[first] = .menu(Self.binding(rest, to: binding, in: KeyMenu()))
        }
        return menu
    }

    /// Looks up the keys typed so far in the active contexts, most specific first.
    ///
    /// The first context that binds the keys decides: a command gives ``KeyResolution/command(_:)``,
    /// `"none"` gives ``KeyResolution/unbound``, a prefix gives ``KeyResolution/pending(_:)``
    /// with the menus of every context at that prefix merged (more specific entries win).
    /// Keys bound nowhere give ``KeyResolution/unbound`` for a single key and
    /// ``KeyResolution/cancelled`` after a prefix.
    public func resolve(_ keys: [KeyPress], contexts active: [String]) -> KeyResolution {
        guard !keys.isEmpty else { return .unbound }
        let nothing: KeyResolution = keys.count > 1 ? .cancelled : .unbound
        var menus: [KeyMenu] = []
        search: for context in active {
            guard let node = binding(for: keys, in: context) else { continue }
            switch node {
            case .commands(let names):
                if menus.isEmpty { return .command(names) }
                break search
            case .unbound:
                if menus.isEmpty { return nothing }
                break search
            case .menu(let menu):
                menus.append(menu)
            }
        }
        guard !menus.isEmpty else { return nothing }
        return .pending(Self.pendingMenu(keys: keys, menus: menus))
    }

    private static func pendingMenu(keys: [KeyPress], menus: [KeyMenu]) -> PendingMenu {
        var seen: Set<KeyPress> = []
        var entries: [PendingMenu.Entry] = []
        for menu in menus {
            for entry in menu.entries where seen.insert(entry.key).inserted {
                switch entry.binding {
                case .commands(let names):
                    entries.append(PendingMenu.Entry(key: entry.key, target: .commands(names)))
                case .menu(let submenu):
                    entries.append(PendingMenu.Entry(key: entry.key, target: .menu(label: submenu.label)))
                case .unbound:
                    break
                }
            }
        }
        return PendingMenu(keys: keys, label: menus.lazy.compactMap(\.label).first, entries: entries)
    }

    /// This keymap with `overlay` laid over it, context by context (see ``KeyMenu/merging(_:)``).
    public func merging(_ overlay: Keymap) -> Keymap {
        var result = self
        for (name, menu) in overlay.contexts {
            result.contexts[name] = (result.contexts[name] ?? KeyMenu()).merging(menu)
        }
        return result
    }
}
