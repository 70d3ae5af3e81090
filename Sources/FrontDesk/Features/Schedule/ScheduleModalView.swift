public import TerminalKit

/// Draws the schedule's dialogs.
public enum ScheduleModalView {
    public static func render(_ modal: ScheduleModal, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        switch modal {
        case let .date(dialog): FormDialogView.render(dialog, context, in: area, buffer: &buffer)
        case let .providers(_, dialog), let .which(_, _, dialog), let .history(dialog):
            ChoiceDialogView.render(dialog, context, in: area, buffer: &buffer)
        }
    }
}
