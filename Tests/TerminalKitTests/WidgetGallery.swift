import TerminalKit

/// Sample widgets with clinic data, drawn by the snapshot and no-crash tests.
enum WidgetGallery {
    static let columns = [
        TableColumn("Time", width: .length(5)),
        TableColumn("Patient", width: .fill(1)),
        TableColumn("MRN", width: .length(8)),
        TableColumn("Status", width: .length(9)),
    ]

    static var patientRows: [TableRow] {
        Fixtures.patients.enumerated().map { index, patient in
            TableRow(
                [
                    TableCell(
                        String(format2(9 + index / 2)) + ":" + (index % 2 == 0 ? "00" : "30"), scope: "schedule.time"),
                    TableCell(patient.name),
                    TableCell(patient.mrn, scope: .textDim),
                    TableCell(patient.status),
                ], scope: patient.scope)
        }
    }

    private static func format2(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }

    static func table(in area: Rect, buffer: inout Buffer, filter: String = "") {
        let block = Block(title: "Waiting room", isFocused: true)
        block.render(in: area, buffer: &buffer)
        var state = ListState(selected: 1, filter: ListFilter(query: filter))
        Table(columns: columns, rows: patientRows, isFocused: true).render(
            in: block.inner(area), buffer: &buffer, state: &state)
    }

    static func list(in area: Rect, buffer: inout Buffer) {
        let block = Block(title: "Patients", isFocused: false)
        block.render(in: area, buffer: &buffer)
        var state = ListState(selected: 5, filter: ListFilter(query: "n", isEditing: true))
        let items = Fixtures.patients.map {
            ListItem(Line([Span($0.name), Span("  " + $0.mrn, scope: .textDim)]), searchText: $0.name)
        }
        let list = List(items: items, isFocused: true)
        state.reconcile(visible: list.visibleIndices(state.filter))
        list.render(in: block.inner(area), buffer: &buffer, state: &state)
    }

    static func form(in area: Rect, buffer: inout Buffer) {
        let block = Block(title: "New patient", isFocused: true)
        block.render(in: area, buffer: &buffer)
        var state = FormState(values: ["Nguyễn Thị Hương", "", "1990-13-01", "王小明", ""])
        state.focus(on: 2)
        let fields = [
            FormField("Name", isRequired: true),
            FormField("Phone", placeholder: "+84 …"),
            FormField("Date of birth", error: "Month must be 01 to 12", isRequired: true),
            FormField("Emergency contact"),
            FormField("Allergies", placeholder: "none known"),
        ]
        Form(fields: fields).render(in: block.inner(area).inset(horizontal: 1), buffer: &buffer, state: &state)
    }

    static func dialog(in area: Rect, buffer: inout Buffer) {
        buffer.fill(area, scope: .textDim)
        ConfirmDialog(
            title: "Cancel appointment",
            message: "Cancel the 10:30 appointment of محمد عبد الله with Dr. Sharma? The patient will be told by SMS.",
            buttons: ["Keep", "Cancel it"], selectedButton: 1
        ).render(in: area, buffer: &buffer)
    }

    static func statusLine(in area: Rect, buffer: inout Buffer) {
        StatusLine(
            left: [Span(" RECEPTION ", scope: .statuslineMode), Span("ana.souza"), Span("Clínica São Lucas")],
            right: [
                Span("offline", scope: "sync.offline"), Span("3 pending", scope: "sync.pending"),
                Span("2026-03-14 09:41"),
            ]
        ).render(in: area.row(area.height - 1), buffer: &buffer)
    }

    static func tabs(in area: Rect, buffer: inout Buffer) {
        Tabs(titles: ["F1 Schedule", "F2 Queue", "F3 Lookup", "F4 Prescription"], selected: 2).render(
            in: area, buffer: &buffer)
    }

    static func textField(in area: Rect, buffer: inout Buffer) {
        let block = Block(title: "Search", isFocused: true)
        block.render(in: Rect(x: area.x, y: area.y, width: area.width, height: min(3, area.height)), buffer: &buffer)
        var state = TextFieldState(text: "Nguyễn Thị Hương 王小明 محمد")
        state.apply(.moveWordLeft)
        TextField(isFocused: true).render(
            in: block.inner(Rect(x: area.x, y: area.y, width: area.width, height: min(3, area.height))),
            buffer: &buffer, state: &state)
    }

    static func help(in area: Rect, buffer: inout Buffer) {
        var state = HelpOverlayState()
        HelpOverlay(
            keymap: Fixtures.keymap().keymap, contexts: ["pane.queue", "global"], catalog: Fixtures.catalog,
            contextTitles: ["pane.queue": "Waiting room", "global": "Everywhere"]
        ).render(in: area, buffer: &buffer, state: &state)
    }

    static func prefixMenu(in area: Rect, buffer: inout Buffer) {
        let keymap = Fixtures.keymap("[pane.queue.g]\nc = \"queue.check-in\"\n").keymap
        guard case .pending(let menu) = keymap.resolve([.char("g")], contexts: ["pane.queue", "global"]) else { return }
        PrefixMenu(menu: menu, catalog: Fixtures.catalog).render(in: area, buffer: &buffer)
    }

    static func paragraph(in area: Rect, buffer: inout Buffer) {
        let block = Block(title: "Notes")
        block.render(in: area, buffer: &buffer)
        Paragraph(lines: [
            Line("Allergy: penicillin (severe rash)", scope: "alert.allergy.severe"),
            Line("Follow-up in two weeks. 王小明 asked for a morning slot; अनिता शर्मा will interpret."),
        ]).render(in: block.inner(area).inset(horizontal: 1), buffer: &buffer)
    }

    /// Every gallery entry by name.
    static let all: [(name: String, draw: @Sendable (Rect, inout Buffer) -> Void)] = [
        ("table", { table(in: $0, buffer: &$1) }),
        ("list", { list(in: $0, buffer: &$1) }),
        ("form", { form(in: $0, buffer: &$1) }),
        ("dialog", { dialog(in: $0, buffer: &$1) }),
        ("statusline", { statusLine(in: $0, buffer: &$1) }),
        ("tabs", { tabs(in: $0, buffer: &$1) }),
        ("textfield", { textField(in: $0, buffer: &$1) }),
        ("help", { help(in: $0, buffer: &$1) }),
        ("prefix-menu", { prefixMenu(in: $0, buffer: &$1) }),
        ("paragraph", { paragraph(in: $0, buffer: &$1) }),
    ]
}
