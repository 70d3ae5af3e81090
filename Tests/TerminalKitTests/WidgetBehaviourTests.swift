import TerminalKit
import TerminalKitTesting
import Testing

@Suite("Widget behaviour")
struct WidgetBehaviourTests {
    @Test("A narrow form puts each label above its field")
    func stackedForm() {
        var state = FormState(values: ["王小明", ""])
        state.focusNext()
        let form = Form(fields: [FormField("Name", isRequired: true), FormField("Phone", error: "Digits only")])
        let buffer = renderWidget(form, width: 20, height: 6, state: &state)
        #expect(
            buffer.textRows == [
                "Name *              ", "王小明              ", "Phone               ", "                    ",
                "! Digits only       ", "                    ",
            ])
        #expect(buffer.cursor == Position(x: 0, y: 3))
        assertSnapshot(buffer, named: "form-stacked-20x6")
    }

    @Test("The form scrolls to keep the focused field and its error visible")
    func formScrolls() {
        var state = FormState(fieldCount: 6)
        state.focus(on: 5)
        let fields = (1...6).map { FormField("Field \($0)", error: $0 == 6 ? "Required" : nil) }
        let buffer = renderWidget(Form(fields: fields), width: 40, height: 3, state: &state)
        #expect(buffer.text(ofRow: 1).hasPrefix("Field 6"))
        #expect(buffer.text(ofRow: 2).contains("! Required"))
    }

    @Test("Tabs scroll so the active tab is always shown")
    func tabsKeepActiveVisible() {
        let titles = ["F1 Schedule", "F2 Queue", "F3 Lookup", "F4 Prescription"]
        let buffer = renderWidget(Tabs(titles: titles, selected: 3), width: 24, height: 1)
        #expect(buffer.text(ofRow: 0).contains("F4 Prescription"))
        #expect(buffer.text(ofRow: 0).hasPrefix("‹"))
        #expect(buffer.cells.contains { $0.scope == .tabActive })
    }

    @Test("Dialog buttons can be found for mouse clicks and the selected one is highlighted")
    func dialogButtons() {
        let dialog = ConfirmDialog(title: "Quit", message: "Quit now?", buttons: ["Stay", "Quit"], selectedButton: 1)
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        let frames = dialog.buttonFrames(in: area)
        let buffer = renderWidget(dialog, width: 80, height: 24)
        #expect(frames.count == 2)
        let text = (0..<frames[1].width).map { buffer[frames[1].x + $0, frames[1].y].text }.joined()
        #expect(text == "[ Quit ]")
        #expect(buffer[frames[1].origin].scope == .selection)
        #expect(buffer[frames[0].origin].scope == .dialog)
    }

    @Test("The status line keeps the right side and cuts the left")
    func statusLine() {
        let line = StatusLine(
            left: [Span("RECEPTION", scope: .statuslineMode), Span("a very long clinic name")],
            right: [Span("offline", scope: "sync.offline")])
        let buffer = renderWidget(line, width: 30, height: 1)
        #expect(buffer.text(ofRow: 0) == " RECEPTION │ a very…  offline ")
    }
}
