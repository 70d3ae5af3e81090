public import TerminalKit

/// A short list to pick one from, over the screen (where to send a patient, how the visit
/// ended, a priority). Features keep one in their modal with what the choice is for.
public struct ChoiceDialog: Hashable, Sendable {
    public struct Option: Hashable, Sendable {
        public var label: String
        /// A few words after the label (the kind of station, what the priority means).
        public var detail: String

        public init(_ label: String, detail: String = "") {
            self.label = label
            self.detail = detail
        }
    }

    public var title: String
    public var message: String
    public var options: [Option]
    public var list = ListState()
    /// A list only to read (an appointment's history): its footer says how to close it.
    public var isReadOnly = false

    public init(title: String, message: String, options: [Option], selected: Int = 0, isReadOnly: Bool = false) {
        self.title = title
        self.message = message
        self.options = options
        self.isReadOnly = isReadOnly
        list.selected = options.isEmpty ? nil : min(max(0, selected), options.count - 1)
    }

    /// The highlighted option's index.
    public var selected: Int? {
        guard let index = list.selected, options.indices.contains(index) else { return nil }
        return index
    }

    public mutating func move(_ move: ListMove) {
        list.select(move.move, visible: Array(options.indices), pageSize: move.pageSize)
    }

    /// Where keys go while it is on top: the dialog's keys, the list keys to move.
    public static func input<Action>(moved: @escaping @Sendable (ListMove) -> Action,
                                     answered: @escaping @Sendable (DialogCommand) -> Action) -> InputLayer<Action> {
        InputLayer(contexts: [KeymapContext.dialog], routed: { command in
            switch command {
            case let .list(move): moved(move)
            case let .dialog(answer): answered(answer)
            case .filter, .form: nil
            }
        })
    }
}

/// Draws a ``ChoiceDialog`` centred over `area`.
public enum ChoiceDialogView {
    public static func render(_ dialog: ChoiceDialog, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let width = min(area.width, 64)
        let messageRows = TextWidth.wrap(dialog.message, width: max(1, width - 4)).count
        let box = area.centered(width: width, height: min(area.height, dialog.options.count + messageRows + 4))
        buffer.render(Clear(scope: .dialog), in: box)
        let footer = dialog.isReadOnly ? context.hints.line([("dialog.cancel", "close")])
            : context.hints.line([("dialog.confirm", "choose"), ("dialog.cancel", "cancel")])
        let block = Block(title: dialog.title, footer: footer, isFocused: true, fill: .dialog, titleScope: .dialogTitle)
        buffer.render(block, in: box)
        var inner = block.inner(box).inset(horizontal: 1)
        for line in TextWidth.wrap(dialog.message, width: max(1, inner.width)) where inner.height > 0 {
            buffer.write(line, at: inner.origin, scope: .dialog, clip: inner)
            inner = inner.droppingTop(1)
        }
        inner = inner.droppingTop(min(1, inner.height))
        let options = dialog.options
        var list = dialog.list
        buffer.render(Table(columns: [TableColumn("Choice", width: .fill(1)), TableColumn("", width: .fill(2))],
                            rowCount: options.count,
                            row: { TableRow([TableCell(options[$0].label), TableCell(options[$0].detail, scope: .hint)]) },
                            isFocused: true), in: inner, state: &list)
    }
}
