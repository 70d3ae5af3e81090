public import TerminalKit

/// Draws the booking dialogs.
public enum BookingModalView {
    public static func render(_ modal: BookingModal, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        switch modal {
        case let .slots(choice):
            var dialog = choice.dialog
            if let key = context.hints.key("booking.from-date") { dialog.message += " \(key): from another day." }
            ChoiceDialogView.render(dialog, context, in: area, buffer: &buffer)
        case let .provider(_, _, _, _, dialog), let .seriesProblems(_, dialog), let .cancelReason(_, dialog),
             let .cancelScope(_, _, dialog), let .offer(_, _, dialog):
            ChoiceDialogView.render(dialog, context, in: area, buffer: &buffer)
        case let .slotsFrom(_, dialog), let .details(_, dialog), let .overbook(_, _, dialog), let .series(_, dialog),
             let .cancelText(_, dialog), let .waitlistAdd(_, dialog), let .withdraw(_, dialog), let .followUpWhen(_, _, dialog):
            FormDialogView.render(dialog, context, in: area, buffer: &buffer)
        }
    }
}
