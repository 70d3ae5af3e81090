import TerminalKit

/// Shared test data: clinic-like names in several scripts, a command catalog and keymaps.
enum Fixtures {
    /// Patient names mixing scripts; the second uses a decomposed "é" (e + U+0301).
    static let patients: [(name: String, mrn: String, status: String, scope: Scope)] = [
        ("José Álvarez", "MRN-0001", "waiting", "queue.waiting"),
        ("Rene\u{0301}e Dubois", "MRN-0002", "late 25m", "queue.waiting.late"),
        ("محمد عبد الله", "MRN-0003", "called", "queue.called"),
        ("अनिता शर्मा", "MRN-0004", "waiting", "queue.waiting"),
        ("王小明", "MRN-0005", "urgent", "queue.priority.urgent"),
        ("Nguyễn Thị Hương", "MRN-0006", "waiting", "queue.waiting"),
    ]

    static let catalog = CommandCatalog([
        CommandInfo("app.quit", "Quit ClinicDesk"),
        CommandInfo("help.toggle", "Show or hide this help"),
        CommandInfo("pane.schedule", "Go to the schedule"),
        CommandInfo("pane.queue", "Go to the waiting room"),
        CommandInfo("pane.lookup", "Go to patient lookup"),
        CommandInfo("pane.prescription", "Go to the prescription"),
        CommandInfo("list.filter", "Filter the list"),
        CommandInfo("list.next", "Next row"),
        CommandInfo("list.previous", "Previous row"),
        CommandInfo("queue.check-in", "Check the patient in", contexts: ["pane.queue", "pane.schedule"]),
        CommandInfo("queue.call-next", "Call the next patient", contexts: ["pane.queue"]),
        CommandInfo("queue.open", "Open the patient's record", contexts: ["pane.queue"]),
        CommandInfo("form.save", "Save the form", contexts: ["form"]),
        CommandInfo("form.cancel", "Close the form without saving", contexts: ["form"]),
        CommandInfo("form.next-field", "Next field", contexts: ["form"]),
        CommandInfo("dialog.confirm", "Confirm", contexts: ["dialog"]),
        CommandInfo("dialog.cancel", "Cancel", contexts: ["dialog"]),
    ])

    static let defaultKeymap = """
        [global]
        q = "app.quit"
        "?" = "help.toggle"
        F2 = "pane.schedule"
        F3 = "pane.queue"
        "/" = "list.filter"
        j = "list.next"
        k = "list.previous"

        [global.g]
        label = "Go to"
        s = "pane.schedule"
        q = "pane.queue"
        l = "pane.lookup"

        [pane.queue]
        c = "queue.check-in"
        ret = ["queue.call-next", "queue.open"]

        [form]
        C-s = "form.save"
        esc = "form.cancel"
        tab = "form.next-field"
        q = "none"
        j = "none"
        k = "none"
        "/" = "none"
        """

    /// The generic contexts plus the panes these fixtures bind, as an application registers them.
    static let contexts = KeymapContext.standard.union(["pane.queue", "pane.schedule"])

    static func keymap(_ user: String? = nil) -> KeymapLoadResult {
        var sources = [KeymapSource(path: "keymaps/default.toml", text: defaultKeymap)]
        if let user { sources.append(KeymapSource(path: "user.toml", text: user)) }
        return Keymap.load(sources, catalog: catalog, contexts: contexts)
    }
}
