/// Keymap contexts shared by every feature, beside TerminalKit's generic ones (`global`,
/// `form`, `dialog`). Each feature names its own contexts; the root lists them all.
public enum FrontDeskContexts {
    /// Typing a `/` filter over a list.
    public static let filter = "filter"
}
