/// One line of help: keys and what they do.
public struct HelpEntry: Hashable, Sendable {
    /// The keys in notation, such as `C-s` or `g s`.
    public var keys: String
    /// What they do.
    public var description: String

    /// Creates an entry.
    public init(keys: String, description: String) {
        self.keys = keys
        self.description = description
    }
}

/// A titled group of help entries, one per keymap context.
public struct HelpSection: Hashable, Sendable {
    /// The group title.
    public var title: String
    /// The entries, in keymap order.
    public var entries: [HelpEntry]

    /// Creates a section.
    public init(title: String, entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }

    /// Help generated from the keymap for the active contexts, most specific first.
    ///
    /// Bindings hidden by a more specific context (which would never fire) are left out, so
    /// the help shows what each key does right now. Descriptions come from the catalog;
    /// `contextTitles` renames sections (`pane.queue` → "Queue").
    public static func sections(
        keymap: Keymap, contexts: [String], catalog: CommandCatalog, contextTitles: [String: String] = [:]
    ) -> [HelpSection] {
        var sections: [HelpSection] = []
        for (position, context) in contexts.enumerated() {
            let moreSpecific = Array(contexts[..<position])
            let entries = keymap.bindings(in: context)
                .filter { !isShadowed($0.keys, by: moreSpecific, in: keymap) }
                .map { HelpEntry(keys: KeyPress.notation(of: $0.keys), description: catalog.describe($0.commands)) }
            guard !entries.isEmpty else { continue }
            sections.append(HelpSection(title: contextTitles[context] ?? context, entries: entries))
        }
        return sections
    }

    /// Whether a more specific context takes `keys` (or one of its prefixes) first.
    private static func isShadowed(_ keys: [KeyPress], by contexts: [String], in keymap: Keymap) -> Bool {
        for context in contexts {
            if keymap.binding(for: keys, in: context) != nil { return true }
            for length in 1..<keys.count {
                switch keymap.binding(for: Array(keys.prefix(length)), in: context) {
                case .commands?, .unbound?: return true
                case .menu?, nil: continue
                }
            }
        }
        return false
    }
}
