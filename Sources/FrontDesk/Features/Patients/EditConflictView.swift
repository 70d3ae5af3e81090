import ClinicCore
import Foundation
import TerminalKit

/// The edit that met someone else's change: each clashing field with the value it was opened
/// with, yours, theirs with who changed it and when, and the choice so far.
enum EditConflictView {
    static func render(_ dialog: EditConflictState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        buffer.cursor = nil
        let wanted = dialog.conflict.fields.count + 7
        let box = area.centered(width: area.width >= 60 ? area.width - 4 : area.width, height: min(area.height, wanted))
        buffer.render(Clear(scope: .dialog), in: box)
        let footer = dialog.isSaving ? "Saving…"
            : context.hints.line([("conflict.keep-mine", "keep yours"), ("conflict.take-theirs", "take theirs"),
                                  ("conflict.save", "save"), ("conflict.back", "back to the form")])
        let block = Block(title: "Changed by someone else — \(dialog.conflict.current.displayName)", footer: footer,
                          isFocused: true, fill: .dialog, titleScope: .dialogTitle)
        buffer.render(block, in: box)
        var inner = block.inner(box)
        guard inner.height > 0 else { return }
        let intro = "Since you opened the form, these fields were changed. Nothing is saved until you choose for each."
        for line in TextWidth.wrap(intro, width: inner.width).prefix(2) where inner.height > 0 {
            buffer.write(line, at: inner.origin, scope: .dialog, clip: inner)
            inner = inner.droppingTop(1)
        }
        if let problem = dialog.problem, inner.height > 0 {
            buffer.write(TextWidth.truncate("✗ " + problem, toWidth: inner.width), at: inner.origin, scope: .error, clip: inner)
            inner = inner.droppingTop(1)
        }
        let wide = inner.width >= 90
        var columns = [TableColumn("Field", width: .length(13))]
        if wide { columns.append(TableColumn("Was", width: .fill(2))) }
        columns += [TableColumn("Yours", width: .fill(2)), TableColumn("Theirs", width: .fill(2)),
                    TableColumn("Changed by", width: .fill(3)), TableColumn("Keep", width: .length(6))]
        let rows = dialog.conflict.fields.map { field in
            let choice = dialog.choices[field.field]
            var cells = [TableCell(field.field.label)]
            if wide { cells.append(TableCell(field.base, scope: .textDim)) }
            cells += [
                TableCell(field.yours, scope: choice == .mine ? "lookup.match" : nil),
                TableCell(field.theirs, scope: choice == .theirs ? "lookup.match" : nil),
                TableCell(changedBy(field, context.session)),
                TableCell(choice.map { $0 == .mine ? "yours" : "theirs" } ?? "?", scope: choice == nil ? .error : nil),
            ]
            return TableRow(cells)
        }
        var list = dialog.list
        buffer.render(Table(columns: columns, rows: rows, isFocused: true), in: inner, state: &list)
    }

    /// `Rosa Díaz (rosa) at 10:42`, with the date when it was not today.
    static func changedBy(_ field: FieldConflict, _ session: Session) -> String {
        let who = field.changedBy ?? "someone"
        guard let at = field.changedAt else { return who }
        return "\(who) at \(ClockText.moment(at, session: session))"
    }
}
