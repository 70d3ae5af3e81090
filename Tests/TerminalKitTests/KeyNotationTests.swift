import TerminalKit
import Testing

@Suite("Key notation")
struct KeyNotationTests {
    @Test(
        "Notation reads into the expected key and back",
        arguments: [
            ("C-s", KeyPress(.char("s"), modifiers: .ctrl)),
            ("A-x", KeyPress(.char("x"), modifiers: .alt)),
            ("S-tab", KeyPress(.tab, modifiers: .shift)),
            ("C-A-x", KeyPress(.char("x"), modifiers: [.ctrl, .alt])),
            ("F2", KeyPress(.function(2))),
            ("F24", KeyPress(.function(24))),
            ("ret", KeyPress(.enter)),
            ("esc", KeyPress(.escape)),
            ("tab", KeyPress(.tab)),
            ("space", KeyPress(.char(" "))),
            ("backspace", KeyPress(.backspace)),
            ("A-backspace", KeyPress(.backspace, modifiers: .alt)),
            ("del", KeyPress(.delete)),
            ("ins", KeyPress(.insert)),
            ("home", KeyPress(.home)),
            ("end", KeyPress(.end)),
            ("pageup", KeyPress(.pageUp)),
            ("pagedown", KeyPress(.pageDown)),
            ("up", KeyPress(.up)),
            ("C-left", KeyPress(.left, modifiers: .ctrl)),
            ("minus", KeyPress(.char("-"))),
            ("C-minus", KeyPress(.char("-"), modifiers: .ctrl)),
            ("/", KeyPress(.char("/"))),
            ("?", KeyPress(.char("?"))),
            ("1", KeyPress(.char("1"))),
            ("a", KeyPress(.char("a"))),
            ("A", KeyPress(.char("A"))),
            ("é", KeyPress(.char("é"))),
        ])
    func roundTrip(notation: String, key: KeyPress) throws {
        #expect(try KeyPress(notation: notation) == key)
        #expect(key.notation == notation)
    }

    @Test(
        "Aliases read as the canonical key",
        arguments: [
            ("ctrl-s", "C-s"), ("alt-x", "A-x"), ("M-x", "A-x"), ("shift-tab", "S-tab"), ("enter", "ret"),
            ("escape", "esc"), ("delete", "del"), ("pgup", "pageup"), ("f2", "F2"), ("S-a", "A"), ("C-S", "C-s"),
            ("-", "minus"), ("C--", "C-minus"), ("Ret", "ret"),
        ])
    func aliases(alias: String, canonical: String) throws {
        #expect(try KeyPress(notation: alias).notation == canonical)
    }

    @Test(
        "Bad notation is reported with the notation and the reason",
        arguments: [
            ("", KeyNotationError.Reason.empty),
            ("C-foo", .unknownKey("foo")),
            ("hello", .unknownKey("hello")),
            ("C-", .missingKey),
            ("C-C-x", .repeatedModifier("C-")),
            ("F25", .functionKeyOutOfRange(25)),
            ("S-/", .shiftWithCharacter("/")),
        ])
    func errors(notation: String, reason: KeyNotationError.Reason) {
        #expect(throws: KeyNotationError(notation: notation, reason: reason)) {
            try KeyPress(notation: notation)
        }
    }

    @Test("Error messages name the bad notation")
    func errorMessage() {
        let error = KeyNotationError(notation: "C-foo", reason: .unknownKey("foo"))
        #expect(error.description.contains("\"C-foo\""))
        #expect(error.description.contains("\"foo\""))
    }

    @Test("Key sequences are space separated")
    func sequences() throws {
        let keys = try KeyPress.sequence("g  s C-x")
        #expect(keys == [.char("g"), .char("s"), .ctrl("x")])
        #expect(KeyPress.notation(of: keys) == "g s C-x")
    }

    @Test("Only plain characters type text")
    func typedText() {
        #expect(KeyPress.char("a").text == "a")
        #expect(KeyPress(.char("A"), modifiers: .shift).text == "A")
        #expect(KeyPress.ctrl("a").text == nil)
        #expect(KeyPress(.enter).text == nil)
    }
}

@Suite("Key labels")
struct KeyLabelTests {
    @Test(arguments: [("C-s", "Ctrl-S"), ("S-tab", "Shift-Tab"), ("ret", "Enter"), ("esc", "Esc"), ("F12", "F12"),
                      ("?", "?"), ("A-x", "Alt-X"), ("pagedown", "PgDn"), ("space", "Space"), ("g s", "g s"),
                      ("down", "Down"), ("G", "G")])
    func keysAreWrittenAsPeopleReadThem(notation: String, label: String) throws {
        #expect(KeyPress.label(of: try KeyPress.sequence(notation)) == label)
    }

    @Test func hintsNameTheKeyThatReallyRunsACommand() throws {
        var keymap = Keymap()
        keymap.bind([.ctrl("s")], to: .commands(["form.save"]), in: "form")
        keymap.bind([KeyPress(.function(2))], to: .commands(["form.save"]), in: "form")
        keymap.bind([.char("q")], to: .commands(["app.quit"]), in: "global")
        keymap.bind([.char("q")], to: .unbound, in: "form")
        #expect(keymap.keys(for: "form.save", in: ["form", "global"]).map(KeyPress.label(of:)) == ["Ctrl-S", "F2"])
        #expect(keymap.keys(for: "app.quit", in: ["form", "global"]).isEmpty, "q is hidden by the form")
    }
}
