/// Names of keymap contexts: the sections of a keymap file.
///
/// The app activates a stack of contexts, most specific first, such as
/// `["form", "global"]`; a key is looked up in each in turn. TerminalKit knows only the
/// generic contexts below; an application adds its own (panes, dialogs of its own) and
/// passes the full set when it loads a keymap.
public enum KeymapContext {
    /// Keys that work everywhere.
    public static let global = "global"
    /// Any form being edited.
    public static let form = "form"
    /// A dialog waiting for an answer.
    public static let dialog = "dialog"

    /// The generic contexts; an application registers its own beside them.
    public static let standard: Set<String> = [global, form, dialog]
}
