/// What the app says about one command: its name, a one-line description for help and hints,
/// and, optionally, the keymap contexts where it makes sense.
public struct CommandInfo: Hashable, Sendable {
    /// The dotted command name, such as `queue.check-in`.
    public var name: String
    /// One line for the help overlay and the which-key menu.
    public var description: String
    /// The contexts where the command applies; `nil` means anywhere.
    public var contexts: Set<String>?

    /// Creates a command description.
    public init(_ name: String, _ description: String, contexts: Set<String>? = nil) {
        self.name = name
        self.description = description
        self.contexts = contexts
    }
}

/// The commands the app offers. Keymaps are checked against it when loaded, and the help
/// overlay and which-key menu take their descriptions from it.
public struct CommandCatalog: Hashable, Sendable {
    private var commands: [String: CommandInfo]

    /// Creates a catalog; a later entry with the same name replaces an earlier one.
    public init(_ commands: [CommandInfo]) {
        var table: [String: CommandInfo] = [:]
        for command in commands { table[command.name] = command }
        self.commands = table
    }

    /// The command named `name`, if the app offers it.
    public subscript(name: String) -> CommandInfo? { commands[name] }

    /// Whether the app offers a command named `name`.
    public func contains(_ name: String) -> Bool { commands[name] != nil }

    /// The description of `name`, or the name itself for an unknown command.
    public func describe(_ name: String) -> String { commands[name]?.description ?? name }

    /// The description of a command sequence: descriptions joined with ", then ".
    public func describe(_ names: [String]) -> String {
        names.map(describe).joined(separator: ", then ")
    }

    /// All commands, sorted by name.
    public var all: [CommandInfo] { commands.values.sorted { $0.name < $1.name } }
}
