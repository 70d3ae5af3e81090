import TerminalKit
import Testing

@Suite("Keymap resolution")
struct KeymapResolutionTests {
    let keymap = Fixtures.keymap().keymap
    let queueStack = ["pane.queue", "global"]
    let formStack = ["form", "pane.lookup", "global"]

    private func key(_ notation: String) -> KeyPress {
        (try? KeyPress(notation: notation)) ?? .char("?")
    }

    @Test("The shipped test keymap loads without problems")
    func loadsCleanly() {
        #expect(Fixtures.keymap().diagnostics.isEmpty)
    }

    @Test("A key resolves in the most specific context that binds it")
    func specificFirst() {
        #expect(keymap.resolve([key("c")], contexts: queueStack) == .command(["queue.check-in"]))
        #expect(keymap.resolve([key("q")], contexts: queueStack) == .command(["app.quit"]))
        #expect(keymap.resolve([key("c")], contexts: ["global"]) == .unbound)
    }

    @Test("An array value is a command sequence run in order")
    func sequence() {
        #expect(keymap.resolve([key("ret")], contexts: queueStack) == .command(["queue.call-next", "queue.open"]))
    }

    @Test("\"none\" in a form hides the global binding so the key types text")
    func noneShadows() {
        #expect(keymap.resolve([key("q")], contexts: formStack) == .unbound)
        #expect(keymap.resolve([key("C-s")], contexts: formStack) == .command(["form.save"]))
    }

    @Test("A prefix opens a labelled which-key menu, and the next key completes it")
    func prefixMenu() {
        guard case .pending(let menu) = keymap.resolve([key("g")], contexts: queueStack) else {
            Issue.record("expected a pending menu")
            return
        }
        #expect(menu.title == "Go to")
        #expect(menu.entries.map(\.key.notation) == ["s", "q", "l"])
        #expect(menu.entries.first?.target == .commands(["pane.schedule"]))
        #expect(keymap.resolve([key("g"), key("s")], contexts: queueStack) == .command(["pane.schedule"]))
        #expect(keymap.resolve([key("g"), key("x")], contexts: queueStack) == .cancelled)
    }

    @Test("The dispatcher keeps the prefix until the sequence completes or is cancelled")
    func dispatcher() {
        var dispatcher = KeyDispatcher()
        if case .pending = dispatcher.handle(key("g"), keymap: keymap, contexts: queueStack) {
        } else {
            Issue.record("g should open the menu")
        }
        #expect(dispatcher.pending == [key("g")])
        #expect(dispatcher.handle(key("l"), keymap: keymap, contexts: queueStack) == .command(["pane.lookup"]))
        #expect(dispatcher.pending.isEmpty)
        _ = dispatcher.handle(key("g"), keymap: keymap, contexts: queueStack)
        #expect(dispatcher.handle(key("esc"), keymap: keymap, contexts: queueStack) == .cancelled)
        #expect(dispatcher.pending.isEmpty)
        #expect(dispatcher.handle(key("x"), keymap: keymap, contexts: queueStack) == .unbound)
    }

    @Test("Menus under the same prefix in several contexts are merged, most specific first")
    func mergedMenus() {
        let user = """
            [pane.queue.g]
            c = "queue.check-in"
            s = "queue.open"
            """
        let result = Fixtures.keymap(user)
        #expect(result.diagnostics.isEmpty)
        guard case .pending(let menu) = result.keymap.resolve([key("g")], contexts: queueStack) else {
            Issue.record("expected a pending menu")
            return
        }
        #expect(menu.entries.map(\.key.notation) == ["c", "s", "q", "l"])
        #expect(menu.label == "Go to")
        #expect(result.keymap.resolve([key("g"), key("s")], contexts: queueStack) == .command(["queue.open"]))
        #expect(result.keymap.resolve([key("g"), key("s")], contexts: ["global"]) == .command(["pane.schedule"]))
    }
}

@Suite("Keymap merging")
struct KeymapMergeTests {
    private func key(_ notation: String) -> KeyPress {
        (try? KeyPress(notation: notation)) ?? .char("?")
    }

    @Test("User bindings replace defaults, add to menus, and \"none\" unbinds")
    func userOverDefaults() {
        let user = """
            [global]
            q = "help.toggle"
            F2 = "none"
            "g p" = "pane.prescription"
            """
        let result = Fixtures.keymap(user)
        #expect(result.diagnostics.isEmpty)
        let keymap = result.keymap
        #expect(keymap.resolve([key("q")], contexts: ["global"]) == .command(["help.toggle"]))
        #expect(keymap.resolve([key("F2")], contexts: ["global"]) == .unbound)
        #expect(keymap.resolve([key("g"), key("p")], contexts: ["global"]) == .command(["pane.prescription"]))
        #expect(keymap.resolve([key("g"), key("s")], contexts: ["global"]) == .command(["pane.schedule"]))
        #expect(keymap.menuLabel(for: [key("g")], in: "global") == "Go to")
    }

    @Test("A user key bound to a command replaces a whole default menu")
    func commandReplacesMenu() {
        let result = Fixtures.keymap("[global]\ng = \"pane.lookup\"\n")
        #expect(result.keymap.resolve([key("g")], contexts: ["global"]) == .command(["pane.lookup"]))
    }
}

@Suite("Keymap diagnostics")
struct KeymapDiagnosticTests {
    private func diagnostics(_ text: String, contexts: Set<String> = Fixtures.contexts) -> [KeymapDiagnostic] {
        Keymap.parse(KeymapSource(path: "user.toml", text: text), catalog: Fixtures.catalog, contexts: contexts)
            .diagnostics
    }

    @Test("An unknown command names file, line, context, key and command")
    func unknownCommand() throws {
        let found = diagnostics(
            """
            [global]
            q = "app.quit"

            [pane.queue]
            c = "queue.chek-in"
            """)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.kind == .unknownCommand("queue.chek-in"))
        #expect(diagnostic.line == 5)
        #expect(diagnostic.context == "pane.queue")
        #expect(diagnostic.key == "c")
        #expect(
            diagnostic.description
                == #"user.toml:5: [pane.queue] "c": unknown command "queue.chek-in"; the binding is ignored"#)
    }

    @Test("The same key written two ways in one context is a duplicate")
    func duplicateSpellings() throws {
        let result = Keymap.parse(
            KeymapSource(
                path: "user.toml",
                text: """
                    [form]
                    C-s = "form.save"
                    ctrl-s = "form.cancel"
                    """), catalog: Fixtures.catalog)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.kind == .duplicateKey(firstSpelling: "C-s", firstLine: 2))
        #expect(diagnostic.key == "ctrl-s")
        #expect(diagnostic.line == 3)
        #expect(result.keymap.resolve([.ctrl("s")], contexts: ["form"]) == .command(["form.save"]))
    }

    @Test("A key that is both a command and a prefix is reported")
    func prefixConflict() throws {
        let found = diagnostics(
            """
            [global]
            g = "app.quit"
            "g s" = "pane.schedule"
            """)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.kind == .prefixConflict(otherSpelling: "g", otherLine: 2))
        #expect(diagnostic.key == "g s")
    }

    @Test("A prefix table over a command is rejected by TOML itself, with its line")
    func tableAndCommand() throws {
        let found = diagnostics(
            """
            [global]
            g = "app.quit"

            [global.g]
            s = "pane.schedule"
            """)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        guard case .syntax(let message) = diagnostic.kind else {
            Issue.record("expected a syntax diagnostic, got \(diagnostic)")
            return
        }
        #expect(message.contains("global.g"))
        #expect(diagnostic.line == 4)
    }

    @Test("Bad notation, unknown contexts, bad values and stray bindings are reported")
    func otherProblems() {
        let found = diagnostics(
            """
            stray = "app.quit"

            [global]
            C-foo = "app.quit"
            x = 3
            y = []

            [pane.billing]
            b = "app.quit"

            [reports]
            r = "app.quit"
            """)
        let kinds = found.map(\.kind)
        #expect(kinds.contains(.bindingOutsideContext))
        #expect(kinds.contains(.badKeyNotation(KeyNotationError(notation: "C-foo", reason: .unknownKey("foo")))))
        #expect(kinds.contains(.unknownContext("pane.billing")))
        #expect(kinds.contains(.unknownContext("reports")))
        #expect(found.filter { if case .badValue = $0.kind { return true } else { return false } }.count == 2)
        #expect(found.first { $0.kind == .unknownContext("pane.billing") }?.line == 8)
    }

    @Test("Contexts the app registers are accepted")
    func registeredContext() {
        var contexts = Fixtures.contexts
        contexts.insert("pane.reports")
        #expect(diagnostics("[pane.reports]\nq = \"app.quit\"\n", contexts: contexts).isEmpty)
    }

    @Test("A command outside its contexts is a warning and stays bound")
    func outOfContext() throws {
        let result = Keymap.parse(
            KeymapSource(path: "user.toml", text: "[global]\nn = \"queue.call-next\"\n"),
            catalog: Fixtures.catalog)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(!result.hasErrors)
        #expect(result.keymap.resolve([.char("n")], contexts: ["global"]) == .command(["queue.call-next"]))
    }

    @Test("Invalid TOML is one syntax diagnostic with a line")
    func syntax() throws {
        let found = diagnostics("[global]\nq = \"app.quit\"\nq = \"help.toggle\"\n")
        let diagnostic = try #require(found.first)
        guard case .syntax = diagnostic.kind else {
            Issue.record("expected a syntax diagnostic, got \(diagnostic)")
            return
        }
        #expect(diagnostic.line == 3)
    }

    @Test("Loading keeps going after a bad file and merges the good ones")
    func loadContinues() {
        let result = Keymap.load(
            [
                KeymapSource(path: "default.toml", text: Fixtures.defaultKeymap),
                KeymapSource(path: "broken.toml", text: "[global\n"),
            ], catalog: Fixtures.catalog)
        #expect(result.hasErrors)
        #expect(result.keymap.resolve([.char("q")], contexts: ["global"]) == .command(["app.quit"]))
    }
}
