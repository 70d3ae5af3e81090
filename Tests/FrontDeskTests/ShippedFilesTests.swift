import ClinicData
import FrontDesk
import ShippedKeymaps
import TerminalKit
import Testing

/// Every theme and keymap that ships must load without a single warning.
@Suite("Shipped themes and keymaps")
struct ShippedFilesTests {
    @Test(arguments: ["default", "vim", "classic"])
    func keymapLoadsCleanly(_ name: String) {
        let result = ShippedKeymap.load(name)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
    }

    @Test(arguments: ShippedThemes.all.keys.sorted())
    func themeLoadsWithoutWarnings(_ name: String) throws {
        let loader = ThemeLoader(locations: [.memory(label: "themes", themes: ShippedThemes.all)])
        let result = try loader.load(name)
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.description))")
        for mode in [ColorMode.palette256, .ansi16, .monochrome] {
            let late = result.theme.style(for: "queue.waiting.late", mode: mode)
            let plain = result.theme.style(for: "queue.waiting", mode: mode)
            #expect(late != plain, "\(name): a late patient must look different from a waiting one in \(mode)")
        }
    }

    @Test func everyScopeTheAppPaintsIsDefinedByTheDefaultTheme() throws {
        let text = try #require(ShippedThemes.all["default"])
        for scope in ["schedule.booked", "schedule.confirmed", "schedule.checked-in", "schedule.in-consultation",
                      "schedule.completed", "schedule.cancelled", "schedule.no-show", "queue.waiting", "queue.waiting.late",
                      "queue.called", "queue.priority.urgent", "alert.allergy", "alert.allergy.severe", "alert.unknown",
                      "sync.online", "sync.offline", "sync.conflict", "sync.pending", "lookup.match", "rx.item"] {
            #expect(text.contains("\"\(scope)\" ="), "themes/default.toml does not define \(scope)")
        }
    }

    /// Where people type, a plain letter or digit must reach the field: such contexts bind none.
    @Test(arguments: ["default", "vim", "classic"])
    func typingContextsBindNoPrintableKeys(_ name: String) {
        let keymap = ShippedKeymap.load(name).keymap
        for context in [ShellFeature.loginContext, PatientsFeature.lookupContext, KeymapContext.form, FrontDeskContexts.filter,
                        PatientsFeature.duplicatesContext] {
            let printable = keymap.bindings(in: context).filter { $0.keys.count == 1 && $0.keys[0].text != nil }
            #expect(printable.isEmpty, "\(name) [\(context)] binds \(printable.map { KeyPress.notation(of: $0.keys) })")
        }
    }

    @Test func everyCommandHasAKeyInTheDefaultKeymap() {
        let keymap = ShippedKeymap.default
        let bound = Set(AppContexts.all.flatMap { keymap.bindings(in: $0) }.flatMap(\.commands))
        let unbound = AppCommands.catalog.all.map(\.name).filter { !bound.contains($0) }
        #expect(unbound.isEmpty, "commands nobody can reach: \(unbound)")
    }

    @Test func aUserKeymapWithMistakesIsReportedByFileLineAndKey() {
        let user = KeymapSource(path: "/home/rosa/.config/clinicdesk/keymap.toml", text: """
            [pane.queue]
            c = "queue.chek-in"
            ret = "queue.open-patient"
            enter = "app.quit"
            """)
        let result = Keymap.load([KeymapSource(path: "keymaps/default.toml", text: ShippedKeymaps.all["default"]!), user],
                                 catalog: AppCommands.catalog, contexts: AppContexts.all)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("/home/rosa/.config/clinicdesk/keymap.toml:2: [pane.queue] \"c\": unknown command") })
        #expect(messages.contains { $0.hasPrefix("/home/rosa/.config/clinicdesk/keymap.toml:4: [pane.queue]") && $0.contains("ret") })
    }
}
