import TerminalKit
import TerminalKitTesting
import Testing

@Suite("List selection and filter")
struct ListTests {
    let names = Fixtures.patients.map(\.name)

    @Test(
        "Filtering ignores case and accents and needs every word",
        arguments: [
            ("jose", [0]), ("ALVAREZ", [0]), ("renee", [1]), ("nguyen huong", [5]), ("محمد", [2]),
            ("王", [4]), ("zzz", []), ("", [0, 1, 2, 3, 4, 5]), ("o u", [1, 5]),
        ])
    func filter(query: String, expected: [Int]) {
        #expect(ListFilter(query: query).visibleIndices(of: names) == expected)
    }

    @Test("Selection moves among visible items and stays on a kept item")
    func selection() {
        var state = ListState(selected: 0)
        let visible = [0, 2, 5]
        state.select(.next, visible: visible)
        #expect(state.selected == 2)
        state.select(.last, visible: visible)
        #expect(state.selected == 5)
        state.select(.next, visible: visible)
        #expect(state.selected == 5)
        state.select(.pageUp, visible: visible, pageSize: 10)
        #expect(state.selected == 0)
        state.select(.item(3), visible: visible)
        #expect(state.selected == 0)
        state.reconcile(visible: [2, 5])
        #expect(state.selected == 2)
        state.select(.next, visible: [])
        #expect(state.selected == nil)
    }

    @Test("Rendering scrolls to keep the selection visible")
    func scrollsToSelection() {
        let items = (1...30).map { ListItem("Patient \($0)") }
        var state = ListState(selected: 25)
        let buffer = renderWidget(List(items: items, isFocused: true), width: 20, height: 5, state: &state)
        #expect(state.offset == 21)
        #expect(buffer.text(ofRow: 4) == "> Patient 26        ")
        #expect(buffer[0, 4].scope == .selection)
        state.selected = 2
        _ = renderWidget(List(items: items), width: 20, height: 5, state: &state)
        #expect(state.offset == 2)
    }

    @Test("The filter row shows the query and the match count")
    func filterRow() throws {
        let items = names.map { ListItem($0) }
        var state = ListState(selected: 0, filter: ListFilter(query: "u", isEditing: true))
        let visible = List(items: items).visibleIndices(state.filter)
        state.reconcile(visible: visible)
        let buffer = renderWidget(List(items: items, isFocused: true), width: 24, height: 4, state: &state)
        #expect(buffer.text(ofRow: 3) == "/u" + String(repeating: " ", count: 18) + " 2/6")
        #expect(buffer.text(ofRow: 0) == "> Renée Dubois          ")
        #expect(buffer.text(ofRow: 1) == "  Nguyễn Thị Hương      ")
        #expect(buffer.cursor == Position(x: 2, y: 3))
    }
}
