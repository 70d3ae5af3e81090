import TerminalKit

extension ShellFeature {
    /// The app-wide commands, and the commands every layer understands in its own way.
    public static let commands: [CommandSpec<ShellState, ShellAction>] = [
        CommandSpec("app.quit", "Quit ClinicDesk (asks first)", contexts: [KeymapContext.global, loginContext],
                    action: .askToQuit),
        CommandSpec("app.sign-out", "Sign out and return to the sign-in screen", contexts: [KeymapContext.global],
                    action: .askToSignOut, disabledReason: { _, session in session.user == nil ? "Nobody is signed in." : nil }),
        CommandSpec("app.lock", "Lock the screen (your work waits for your password; someone else may sign in meanwhile)",
                    contexts: [KeymapContext.global], action: .lockNow,
                    disabledReason: { _, session in session.user == nil ? "Nobody is signed in." : nil }),
        CommandSpec("app.password", "Change your password (the current one first, then the new one twice)",
                    contexts: [KeymapContext.global], action: .askToChangePassword,
                    disabledReason: { _, session in session.user == nil ? "Nobody is signed in." : nil }),
        CommandSpec("help.toggle", "Show or hide this help", contexts: [KeymapContext.global, loginContext],
                    action: .toggleHelp),
        CommandSpec("app.refresh", "Reload everything from the database", contexts: [KeymapContext.global],
                    action: .refreshAll),
        CommandSpec("focus.next", "Focus the next pane", contexts: [KeymapContext.global], action: .focus(.next)),
        CommandSpec("focus.previous", "Focus the previous pane", contexts: [KeymapContext.global], action: .focus(.previous)),
        CommandSpec("pane.schedule", "Go to the schedule", contexts: [KeymapContext.global], action: .focus(.pane(0))),
        CommandSpec("pane.queue", "Go to the queue", contexts: [KeymapContext.global], action: .focus(.pane(1))),
        CommandSpec("pane.lookup", "Go to patient lookup", contexts: [KeymapContext.global], action: .focus(.pane(2))),
        CommandSpec("pane.prescription", "Go to prescriptions", contexts: [KeymapContext.global], action: .focus(.pane(3))),
        routed("list.next", "Next row", .list(ListMove(.next))),
        routed("list.previous", "Previous row", .list(ListMove(.previous))),
        routed("list.page-down", "Page down", .list(ListMove(.pageDown))),
        routed("list.page-up", "Page up", .list(ListMove(.pageUp))),
        routed("list.first", "First row", .list(ListMove(.first))),
        routed("list.last", "Last row", .list(ListMove(.last))),
        routed("list.filter", "Filter the list by typing", .filter(.begin)),
        routed("filter.accept", "Keep the filter and return to the list", .filter(.accept), in: [FrontDeskContexts.filter]),
        routed("filter.cancel", "Clear the filter", .filter(.cancel), in: [FrontDeskContexts.filter]),
        routed("form.next", "Next field", .form(.nextField), in: [KeymapContext.form, loginContext]),
        routed("form.previous", "Previous field", .form(.previousField), in: [KeymapContext.form, loginContext]),
        routed("form.save", "Save the form", .form(.save), in: [KeymapContext.form, loginContext]),
        routed("form.cancel", "Leave the form (asks first when something was changed)", .form(.cancel),
               in: [KeymapContext.form]),
        routed("dialog.confirm", "Choose the highlighted button", .dialog(.confirm), in: [KeymapContext.dialog]),
        routed("dialog.yes", "Answer yes", .dialog(.yes), in: [KeymapContext.dialog]),
        routed("dialog.cancel", "Close the dialog", .dialog(.cancel), in: [KeymapContext.dialog]),
        routed("dialog.switch", "Highlight the other button", .dialog(.switchButton), in: [KeymapContext.dialog]),
    ]

    /// A command the root hands to whichever layer has the keys; `in: nil` means any context.
    private static func routed(
        _ name: String, _ description: String, _ command: RoutedCommand, in contexts: Set<String>? = nil
    ) -> CommandSpec<ShellState, ShellAction> {
        CommandSpec(name, description, contexts: contexts, action: .route(command))
    }
}
