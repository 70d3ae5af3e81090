import ClinicCore
import TerminalKit

/// The duplicate check over the whole screen: candidates ranked, with what matched
/// highlighted, and the two ways out, so every reason is readable.
enum DuplicatesView {
    static func render(_ duplicates: DuplicateState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        buffer.cursor = nil
        let wanted = duplicates.candidates.count + (duplicates.reason == nil ? 5 : 7)
        let box = area.centered(width: area.width >= 60 ? area.width - 4 : area.width, height: min(area.height, wanted))
        buffer.render(Clear(scope: .dialog), in: box)
        let hints = context.hints
        let footer = duplicates.reason == nil
            ? hints.line([("duplicates.use", "use this patient"), ("duplicates.register-anyway", "register anyway"),
                          ("duplicates.back", "back")])
            : hints.line([("duplicates.use", "register"), ("duplicates.back", "back")])
        let block = Block(title: "Possible duplicates of \(duplicates.details.displayName)", footer: footer, isFocused: true,
                          fill: .dialog, titleScope: .dialogTitle)
        buffer.render(block, in: box)
        var inner = block.inner(box)
        guard inner.height > 0 else { return }
        let intro = duplicates.reason == nil ? "Is this one of these patients? Registering twice splits their records."
            : "Why is this a different person?"
        buffer.write(TextWidth.truncate(intro, toWidth: inner.width), at: inner.origin, scope: .dialog, clip: inner)
        inner = inner.droppingTop(1)
        if var reason = duplicates.reason {
            let row = inner.row(0)
            buffer.write("Reason: ", at: row.origin, scope: .fieldLabel, clip: row)
            buffer.render(TextField(placeholder: "e.g. twin brother", isFocused: true, scope: .field), in: row.droppingLeft(8),
                          state: &reason)
            if let error = duplicates.reasonError, inner.height > 1 {
                let errorRow = inner.row(1)
                buffer.write(TextWidth.truncate(error, toWidth: errorRow.width), at: errorRow.origin, scope: .error, clip: errorRow)
            }
            inner = inner.droppingTop(2)
        }
        let columns = [TableColumn("Name", width: .fill(2)), TableColumn("Born", width: .length(10)),
                       TableColumn("Phone", width: .length(13)), TableColumn("MRN", width: .length(10)),
                       TableColumn("Why", width: .fill(3)), TableColumn("Score", width: .length(5), alignment: .right)]
        let rows = duplicates.candidates.map { candidate in
            let patient = candidate.patient
            func mark(_ field: MatchedField) -> Scope? { candidate.matched.contains(field) ? "lookup.match" : nil }
            return TableRow([
                TableCell(patient.displayName, scope: mark(.name)),
                TableCell(LookupView.born(patient.birthDate), scope: mark(.birthDate)),
                TableCell(patient.phone?.normalized ?? "", scope: mark(.phone)),
                TableCell(patient.mrn.description, scope: mark(.identifier)),
                TableCell(candidate.reasons.joined(separator: ", ")),
                TableCell("\(candidate.score)"),
            ])
        }
        var list = duplicates.list
        buffer.render(Table(columns: columns, rows: rows, isFocused: duplicates.reason == nil), in: inner, state: &list)
    }
}
