public import TerminalKit

/// Draws one of patient lookup's dialogs.
public enum PatientsModalView {
    public static func render(_ modal: PatientsModal, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        switch modal {
        case let .duplicates(dialog): DuplicatesView.render(dialog, context, in: area, buffer: &buffer)
        case let .editConflict(dialog): EditConflictView.render(dialog, context, in: area, buffer: &buffer)
        case let .allergy(_, form), let .retractReason(_, form), let .unableToAsk(_, form), let .medicine(_, form),
             let .stopReason(_, form): FormDialogView.render(form, context, in: area, buffer: &buffer)
        case let .retractChoice(_, _, dialog), let .stopChoice(_, _, dialog): ChoiceDialogView.render(dialog, context, in: area, buffer: &buffer)
        }
    }
}
