public import TerminalKit

/// A small form over the screen (a room to call to, a triage, a note, an allergy): labelled
/// single-line fields with their problems beside them. Features keep one in their modal and
/// decide what saving means; the shared parts (typing, moving, drawing) live here.
public struct FormDialog: Hashable, Sendable {
    public var title: String
    /// A line above the fields saying what the form is for, if needed.
    public var intro: String?
    public var fields: [FormField]
    public var form: FormState
    /// Problems by field index.
    public var errors: [Int: String] = [:]
    public var isSaving = false

    public init(title: String, intro: String? = nil, fields: [FormField], values: [String]? = nil) {
        self.title = title
        self.intro = intro
        self.fields = fields
        form = FormState(values: values ?? Array(repeating: "", count: fields.count))
    }

    /// The text of a field.
    public func text(_ index: Int) -> String { form.text(at: index) }

    /// Typing into the focused field clears its problem.
    public mutating func apply(_ edit: TextEdit) {
        guard form.apply(edit) else { return }
        errors[form.focus] = nil
    }

    /// Moves between fields; saving and leaving are the feature's to decide.
    public mutating func move(_ command: FormCommand) {
        switch command {
        case .nextField: form.focusNext()
        case .previousField: form.focusPrevious()
        case .save, .cancel: break
        }
    }

    /// Shows problems by their fields and puts the cursor on the first.
    public mutating func show(_ problems: [Int: String]) {
        errors = problems
        isSaving = false
        if let first = problems.keys.min() { form.focus(on: first) }
    }

    /// Where keys go while it is on top: the form's context, typing into the focused field.
    public static func input<Action>(typed: @escaping @Sendable (TextEdit) -> Action,
                                     form: @escaping @Sendable (FormCommand) -> Action) -> InputLayer<Action> {
        InputLayer(contexts: [KeymapContext.form], text: typed, routed: { command in
            if case let .form(command) = command { return form(command) }
            return nil
        })
    }
}

/// Draws a ``FormDialog`` centred over `area`.
public enum FormDialogView {
    public static func render(_ dialog: FormDialog, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let introRows = dialog.intro.map { TextWidth.wrap($0, width: max(1, min(area.width, 76) - 4)).count } ?? 0
        let fieldRows = dialog.fields.count + dialog.errors.count
        let box = area.centered(width: min(area.width, 76), height: min(area.height, fieldRows + introRows + 3))
        buffer.render(Clear(scope: .dialog), in: box)
        let footer = dialog.isSaving ? "Saving…"
            : context.hints.line([("form.save", "save"), ("form.next", "next field"), ("form.cancel", "cancel")])
        let block = Block(title: dialog.title, footer: footer, isFocused: true, fill: .dialog, titleScope: .dialogTitle)
        buffer.render(block, in: box)
        var inner = block.inner(box).inset(horizontal: 1)
        if let intro = dialog.intro {
            for line in TextWidth.wrap(intro, width: max(1, inner.width)) where inner.height > 0 {
                buffer.write(line, at: inner.origin, scope: .dialog, clip: inner)
                inner = inner.droppingTop(1)
            }
        }
        let fields = dialog.fields.enumerated().map { index, field in
            var field = field
            field.error = dialog.errors[index]
            return field
        }
        var form = dialog.form
        buffer.render(Form(fields: fields, isFocused: !dialog.isSaving), in: inner, state: &form)
    }
}
