public import TerminalKit

/// Draws one of the queue's dialogs.
public enum QueueModalView {
    public static func render(_ modal: QueueModal, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        switch modal {
        case let .room(_, dialog): FormDialogView.render(dialog, context, in: area, buffer: &buffer)
        case let .choice(_, dialog): ChoiceDialogView.render(dialog, context, in: area, buffer: &buffer)
        }
    }
}
