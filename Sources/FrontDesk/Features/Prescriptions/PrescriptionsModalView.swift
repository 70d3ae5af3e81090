public import TerminalKit

/// Draws the prescribing dialog on top.
public enum PrescriptionsModalView {
    public static func render(_ modal: PrescriptionsModal, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        switch modal {
        case let .item(_, dialog), let .alerts(_, _, dialog), let .reason(_, _, dialog):
            FormDialogView.render(dialog, context, in: area, buffer: &buffer)
        case let .draft(_, dialog):
            ChoiceDialogView.render(dialog, context, in: area, buffer: &buffer)
        }
    }
}
