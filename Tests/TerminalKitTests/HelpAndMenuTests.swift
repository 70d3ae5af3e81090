import TerminalKit
import TerminalKitTesting
import Testing

@Suite("Help overlay and which-key menu")
struct HelpAndMenuTests {
    @Test("Help lists the active contexts' keys as people read them, one line per command, hiding shadowed keys")
    func helpContent() {
        let sections = HelpSection.sections(
            keymap: Fixtures.keymap().keymap, contexts: ["form", "global"], catalog: Fixtures.catalog,
            contextTitles: ["form": "Form"])
        #expect(sections.map(\.title) == ["Form", "global"])
        #expect(
            sections[0].entries == [
                HelpEntry(keys: "Ctrl-S", description: "Save the form"),
                HelpEntry(keys: "Esc", description: "Close the form without saving"),
                HelpEntry(keys: "Tab", description: "Next field"),
            ])
        let global = sections[1].entries
        #expect(!global.contains { $0.keys.split(separator: ",").contains("q") }, "q is unbound in the form")
        #expect(!global.contains { $0.description == "Filter the list" }, "/ is unbound in the form")
        #expect(global.first { $0.description == "Go to the schedule" }?.keys == "F2, g s", "both keys on one line")
        #expect(global.filter { $0.description == "Go to the schedule" }.count == 1, "listed once")
        #expect(global.first { $0.description == "Go to patient lookup" }?.keys == "g l")
    }

    @Test("A command listed under a more specific context is not repeated under a general one")
    func noRepeats() {
        let keymap = Fixtures.keymap("[pane.queue]\nF3 = \"pane.queue\"\n").keymap
        let sections = HelpSection.sections(keymap: keymap, contexts: ["pane.queue", "global"], catalog: Fixtures.catalog)
        let mentions = sections.flatMap(\.entries).filter { $0.description == "Go to the waiting room" }
        #expect(mentions.map(\.keys) == ["F3"])
    }

    @Test("Help says why a command cannot run now")
    func unavailableReason() {
        let sections = HelpSection.sections(
            keymap: Fixtures.keymap().keymap, contexts: ["pane.queue"], catalog: Fixtures.catalog,
            unavailable: { $0 == "queue.check-in" ? "Select a patient first." : nil })
        #expect(sections[0].entries.first?.unavailable == "Select a patient first.")
        let overlay = HelpOverlay(sections: sections)
        #expect(overlay.lines(width: 80)[1].plainText.hasSuffix("Check the patient in — not now: Select a patient first."))
    }

    @Test("Command sequences are described step by step")
    func sequenceDescription() {
        let sections = HelpSection.sections(
            keymap: Fixtures.keymap().keymap, contexts: ["pane.queue"], catalog: Fixtures.catalog)
        #expect(
            sections.first?.entries.last
                == HelpEntry(keys: "Enter", description: "Call the next patient, then Open the patient's record"))
    }

    @Test("Help follows user overrides")
    func helpFollowsUser() {
        let keymap = Fixtures.keymap("[global]\nq = \"none\"\nx = \"app.quit\"\n").keymap
        let entries = HelpSection.sections(keymap: keymap, contexts: ["global"], catalog: Fixtures.catalog)[0].entries
        #expect(entries.first { $0.description == "Quit ClinicDesk" }?.keys == "x")
        #expect(!entries.contains { $0.keys == "q" })
    }

    @Test("The help overlay scrolls and clamps its scroll position")
    func helpScroll() {
        var state = HelpOverlayState(scroll: 100)
        let overlay = HelpOverlay(
            keymap: Fixtures.keymap().keymap, contexts: ["pane.queue", "global"], catalog: Fixtures.catalog)
        let buffer = renderWidget(overlay, width: 40, height: 8, state: &state)
        let total = overlay.lines(width: 36).count
        #expect(state.scroll == total - 6)
        #expect(buffer.text(ofRow: 7).contains("/\(total)"))
        assertSnapshot(buffer, named: "help-scrolled-40x8")
    }

    @Test("The which-key menu shows the label and what each key does")
    func prefixMenuRows() {
        guard case .pending(let menu) = Fixtures.keymap().keymap.resolve([.char("g")], contexts: ["global"]) else {
            Issue.record("expected a menu")
            return
        }
        let popup = PrefixMenu(menu: menu, catalog: Fixtures.catalog)
        #expect(popup.rows.map(\.key) == ["s", "q", "l"])
        #expect(
            popup.rows.map(\.description) == ["Go to the schedule", "Go to the waiting room", "Go to patient lookup"])
        let buffer = renderWidget(popup, width: 40, height: 12)
        #expect(buffer.text(ofRow: 7).contains("Go to"))
        #expect(buffer.text(ofRow: 8).contains("s Go to the schedule"))
    }

    @Test("Nested menus appear as +label in the which-key menu")
    func nestedMenu() {
        let keymap = Fixtures.keymap("[global.g.p]\nlabel = \"Panes\"\ns = \"pane.schedule\"\n").keymap
        guard case .pending(let menu) = keymap.resolve([.char("g")], contexts: ["global"]) else {
            Issue.record("expected a menu")
            return
        }
        let popup = PrefixMenu(menu: menu, catalog: Fixtures.catalog)
        #expect(popup.rows.last?.key == "p")
        #expect(popup.rows.last?.description == "+Panes")
    }
}
