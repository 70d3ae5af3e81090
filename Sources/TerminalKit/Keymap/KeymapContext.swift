/// Names of keymap contexts: the sections of a keymap file.
///
/// The app activates a stack of contexts, most specific first, such as
/// `["form", "pane.lookup", "global"]`; a key is looked up in each in turn.
public enum KeymapContext {
    /// Keys that work everywhere.
    public static let global = "global"
    /// The schedule pane.
    public static let schedule = "pane.schedule"
    /// The waiting-room queue pane.
    public static let queue = "pane.queue"
    /// The patient lookup pane.
    public static let lookup = "pane.lookup"
    /// The prescription pane.
    public static let prescription = "pane.prescription"
    /// Any form being edited.
    public static let form = "form"
    /// A dialog waiting for an answer.
    public static let dialog = "dialog"

    /// The contexts every ClinicDesk keymap may use; the app may register more.
    public static let standard: Set<String> = [global, schedule, queue, lookup, prescription, form, dialog]
}
