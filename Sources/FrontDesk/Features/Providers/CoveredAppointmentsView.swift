import ClinicCore
import Foundation
public import TerminalKit

/// The appointments that new leave or a holiday covers, over the screen: still booked, nothing
/// cancelled, each to be rebooked with its patient.
enum CoveredAppointmentsView {
    static func render(_ covered: CoveredAppointments, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        buffer.cursor = nil
        let width = min(area.width, 100)
        let text = message(covered)
        let messageRows = TextWidth.wrap(text, width: max(1, width - 4)).count
        let box = area.centered(width: width, height: min(area.height, covered.entries.count + messageRows + 5))
        buffer.render(Clear(scope: .dialog), in: box)
        let footer = context.hints.line([("list.next", "next"), ("dialog.confirm", "done"), ("dialog.cancel", "close")])
        let block = Block(title: "Still booked — rebook these", footer: footer, isFocused: true, fill: .dialog, titleScope: .dialogTitle)
        buffer.render(block, in: box)
        var inner = block.inner(box).inset(horizontal: 1)
        for line in TextWidth.wrap(text, width: max(1, inner.width)) where inner.height > 0 {
            buffer.write(line, at: inner.origin, scope: .dialog, clip: inner)
            inner = inner.droppingTop(1)
        }
        inner = inner.droppingTop(min(1, inner.height))
        let entries = covered.entries
        let wide = inner.width >= 70
        var columns = [TableColumn("Date", width: .length(14)), TableColumn("Time", width: .length(5)),
                       TableColumn("Patient", width: .fill(2))]
        if wide { columns.append(TableColumn("MRN", width: .length(10))) }
        columns += [TableColumn("Provider", width: .fill(1)), TableColumn("Status", width: .length(StatusWords.appointmentWidth))]
        var list = covered.list
        buffer.render(Table(columns: columns, rowCount: entries.count, row: { index in
            let entry = entries[index]
            var cells = [TableCell(ProvidersText.day(entry.appointment.start.date)), TableCell(entry.appointment.start.time.description),
                         TableCell(entry.patientName)]
            if wide { cells.append(TableCell(entry.patientMRN.description)) }
            cells += [TableCell(entry.providerName), TableCell(StatusWords.appointment(entry.appointment.status))]
            return TableRow(cells)
        }, isFocused: true), in: inner, state: &list)
    }

    /// What happened and what to do, in words.
    static func message(_ covered: CoveredAppointments) -> String {
        let count = covered.entries.count
        let these = count == 1 ? "This appointment is" : "These \(count) appointments are"
        return "\(covered.whose.capitalizedFirst): \(ProvidersText.exception(covered.exception)). \(these) still booked — "
            + "nothing was cancelled. Call each patient and move the appointment to another time."
    }
}

/// Draws the providers screen or one of its dialogs.
public enum ProvidersModalView {
    public static func render(_ modal: ProvidersModal, _ state: ProvidersState, _ context: ViewContext, in area: Rect,
                              buffer: inout Buffer) {
        switch modal {
        case .roster: ProvidersView.render(state, context, in: area, buffer: &buffer)
        case let .provider(_, form), let .hours(_, _, form), let .exception(_, form), let .withdraw(_, _, form):
            FormDialogView.render(form, context, in: area, buffer: &buffer)
        case let .chooseWithdrawal(_, _, dialog): ChoiceDialogView.render(dialog, context, in: area, buffer: &buffer)
        case let .covered(covered): CoveredAppointmentsView.render(covered, context, in: area, buffer: &buffer)
        }
    }
}
