import TerminalKit
import TerminalKitTesting
import Testing

@Suite("Text field editing")
struct TextFieldTests {
    private func field(_ text: String, cursor: Int? = nil) -> TextFieldState {
        var state = TextFieldState(text: text)
        if let cursor { state.moveCursor(to: cursor) }
        return state
    }

    private func type(_ script: String, into state: inout TextFieldState) throws {
        for event in try KeyScript.parse(script) {
            if let edit = TextEdit(event) { state.apply(edit) }
        }
    }

    @Test("Typing inserts at the cursor, wide characters included")
    func typing() throws {
        var state = field("")
        try type("'Wang ' 王 小 明", into: &state)
        #expect(state.text == "Wang 王小明")
        #expect(state.cursor == 8)
        #expect(state.cursorColumn == 11)
        try type("home right right 'X'", into: &state)
        #expect(state.text == "WaXng 王小明")
    }

    @Test("Left and right move by cell, over a letter with a combining accent too")
    func movement() throws {
        var state = field("Rene\u{0301}e")
        try type("left left", into: &state)
        #expect(state.cursor == 3)
        try type("backspace", into: &state)
        #expect(state.text == "Ree\u{0301}e")
        try type("del", into: &state)
        #expect(state.text == "Ree")
    }

    @Test("A combining accent typed after a letter joins it")
    func combiningInput() {
        var state = field("Rene")
        state.apply(.insert("\u{0301}"))
        #expect(state.cellCount == 4)
        #expect(state.text == "Rene\u{0301}")
    }

    @Test("Word and line deletion: C-w, A-backspace, C-u, C-k")
    func deletion() throws {
        var state = field("Ana Souza  ")
        try type("C-w", into: &state)
        #expect(state.text == "Ana ")
        state = field("Nguyễn Thị Hương")
        try type("A-backspace", into: &state)
        #expect(state.text == "Nguyễn Thị ")
        try type("left left left C-u", into: &state)
        #expect(state.text == "hị ")
        #expect(state.cursor == 0)
        try type("right C-k", into: &state)
        #expect(state.text == "h")
    }

    @Test("Word movement with A-b, A-f, C-left and C-right")
    func wordMovement() throws {
        var state = field("one two three")
        try type("A-b", into: &state)
        #expect(state.cursor == 8)
        try type("C-left C-left", into: &state)
        #expect(state.cursor == 0)
        try type("A-f C-right", into: &state)
        #expect(state.cursor == 7)
    }

    @Test("Paste turns newlines and tabs into spaces and drops other controls")
    func paste() {
        var state = field("a")
        state.apply(.paste("b\nc\td\u{7}e\r\n"))
        #expect(state.text == "ab c de ")
    }

    @Test("Keys that are not edits map to nothing", arguments: ["F2", "C-s", "tab", "esc", "up", "A-x"])
    func notEdits(notation: String) throws {
        #expect(TextEdit(.key(try KeyPress(notation: notation))) == nil)
        #expect(TextEdit(.resize(Size(width: 1, height: 1))) == nil)
    }

    @Test("The field scrolls sideways to keep the cursor visible")
    func scrolling() throws {
        var state = field("王小明 Nguyễn Thị Hương")
        let buffer = renderWidget(TextField(isFocused: true), width: 8, height: 1, state: &state)
        #expect(buffer.text(ofRow: 0) == "ị Hương ")
        #expect(buffer.cursor == Position(x: 7, y: 0))
        try type("home", into: &state)
        let atHome = renderWidget(TextField(isFocused: true), width: 8, height: 1, state: &state)
        #expect(atHome.text(ofRow: 0) == "王小明 N")
        #expect(atHome.cursor == Position(x: 0, y: 0))
        try type("right right right right", into: &state)
        let middle = renderWidget(TextField(isFocused: true), width: 8, height: 1, state: &state)
        #expect(middle.text(ofRow: 0) == "王小明 N")
        #expect(middle.cursor == Position(x: 7, y: 0))
    }

    @Test("An unfocused empty field shows its placeholder; a secure field hides its text")
    func placeholderAndSecure() {
        var empty = field("")
        let shown = renderWidget(TextField(placeholder: "Search name, phone, MRN"), width: 12, height: 1, state: &empty)
        #expect(shown.text(ofRow: 0) == "Search name…")
        #expect(shown.cursor == nil)
        var secret = field("1234")
        let hidden = renderWidget(TextField(isFocused: true, isSecure: true), width: 6, height: 1, state: &secret)
        #expect(hidden.text(ofRow: 0) == "••••  ")
    }
}
