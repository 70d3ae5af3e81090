/// A centred question with buttons, such as "Cancel this appointment?".
///
/// The selected button is drawn in `ui.selection`; the box in `ui.dialog` with its title in
/// `ui.dialog.title`. The buttons stay visible when the screen is too small for the whole
/// message; the message is then cut.
public struct ConfirmDialog: Widget {
    /// The title on the top border.
    public var title: String
    /// The question; wrapped to the dialog width.
    public var message: String
    /// The button labels, left to right.
    public var buttons: [String]
    /// The index of the selected button.
    public var selectedButton: Int

    /// Creates a dialog.
    public init(title: String, message: String, buttons: [String] = ["Cancel", "OK"], selectedButton: Int = 0) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selectedButton = selectedButton
    }

    private var buttonLabels: [String] { buttons.map { "[ \($0) ]" } }

    private var buttonsWidth: Int {
        buttonLabels.reduce(0) { $0 + $1.displayWidth } + 2 * max(0, buttons.count - 1)
    }

    /// The rectangle the dialog box takes inside `area`.
    public func frame(in area: Rect) -> Rect {
        let wanted = max(title.displayWidth + 6, buttonsWidth + 4, min(message.displayWidth, 56) + 4, 24)
        let width = min(area.width, wanted)
        let lines = TextWidth.wrap(message, width: max(1, width - 4)).count
        return area.centered(width: width, height: lines + 4)
    }

    /// Where each button is drawn inside `area`, for mouse clicks.
    public func buttonFrames(in area: Rect) -> [Rect] {
        let box = frame(in: area)
        guard box.height >= 3 else { return [] }
        let y = box.maxY - 2
        var x = box.x + max(1, (box.width - buttonsWidth) / 2)
        var frames: [Rect] = []
        for label in buttonLabels {
            let width = label.displayWidth
            frames.append(Rect(x: x, y: y, width: width, height: 1).intersection(box.inset(by: 1)))
            x += width + 2
        }
        return frames
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        let box = frame(in: area)
        guard !box.isEmpty else { return }
        let block = Block(title: title, isFocused: true, fill: .dialog, titleScope: .dialogTitle)
        block.render(in: box, buffer: &buffer)
        let inner = block.inner(box)
        guard !inner.isEmpty else { return }
        let textArea = inner.inset(horizontal: 1).droppingBottom(2)
        for (row, line) in TextWidth.wrap(message, width: textArea.width).prefix(textArea.height).enumerated() {
            buffer.write(line, at: Position(x: textArea.x, y: textArea.y + row), scope: .dialog, clip: textArea)
        }
        for (index, (label, frame)) in zip(buttonLabels, buttonFrames(in: area)).enumerated() where !frame.isEmpty {
            let scope: Scope = index == selectedButton ? .selection : .dialog
            buffer.write(label, at: frame.origin, scope: scope, clip: frame)
        }
    }
}
