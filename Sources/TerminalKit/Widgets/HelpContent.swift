/// One line of help: the keys of one command and what it does.
public struct HelpEntry: Hashable, Sendable {
    /// Every key that runs the command here, as people read them (`Ctrl-Q, q`).
    public var keys: String
    /// What they do.
    public var description: String
    /// Why the command cannot run right now, when it cannot.
    public var unavailable: String?

    /// Creates an entry.
    public init(keys: String, description: String, unavailable: String? = nil) {
        self.keys = keys
        self.description = description
        self.unavailable = unavailable
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
    /// One entry per command (or command sequence), listing all its keys, in the order the
    /// keymap first binds them. Bindings hidden by a more specific context (which would never
    /// fire) are left out, so the help shows what each key does right now; a command already
    /// listed under a more specific context is not repeated. Descriptions come from the
    /// catalog; `contextTitles` renames sections (`pane.queue` → "Queue"); `unavailable`
    /// says why a command cannot run now, shown beside it.
    public static func sections(
        keymap: Keymap, contexts: [String], catalog: CommandCatalog, contextTitles: [String: String] = [:],
        unavailable: (String) -> String? = { _ in nil }
    ) -> [HelpSection] {
        var sections: [HelpSection] = []
        var listed: Set<[String]> = []
        for (position, context) in contexts.enumerated() {
            let moreSpecific = Array(contexts[..<position])
            var order: [[String]] = []
            var keysByCommands: [[String]: [String]] = [:]
            for binding in keymap.bindings(in: context) where !keymap.isShadowed(binding.keys, by: moreSpecific) {
                guard !listed.contains(binding.commands) else { continue }
                if keysByCommands[binding.commands] == nil { order.append(binding.commands) }
                keysByCommands[binding.commands, default: []].append(KeyPress.label(of: binding.keys))
            }
            guard !order.isEmpty else { continue }
            listed.formUnion(order)
            let entries = order.map { commands in
                HelpEntry(
                    keys: keysByCommands[commands, default: []].joined(separator: ", "),
                    description: catalog.describe(commands),
                    unavailable: commands.count == 1 ? unavailable(commands[0]) : nil)
            }
            sections.append(HelpSection(title: contextTitles[context] ?? context, entries: entries))
        }
        return sections
    }
}
