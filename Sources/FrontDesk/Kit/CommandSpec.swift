/// One command a feature offers, as data: what help and keymap validation show, the action it
/// sends, and why it cannot run for this user in this state. Help, the keymap catalog and the
/// refusal in the message line all come from these (DESIGN §4).
public struct CommandSpec<State: Sendable, Action: Hashable & Sendable>: Sendable {
    /// The dotted name keymaps bind (`schedule.check-in`).
    public var name: String
    /// One line for help and the which-key menu.
    public var description: String
    /// The keymap contexts where it may be bound; nil for anywhere.
    public var contexts: Set<String>?
    /// The action it sends to its feature.
    public var action: Action
    /// Why it cannot run now ("Select an appointment first."); nil when it can.
    public var disabledReason: @Sendable (State, Session) -> String?

    public init(
        _ name: String, _ description: String, contexts: Set<String>?, action: Action,
        disabledReason: @escaping @Sendable (State, Session) -> String? = { _, _ in nil }
    ) {
        self.name = name
        self.description = description
        self.contexts = contexts
        self.action = action
        self.disabledReason = disabledReason
    }
}
