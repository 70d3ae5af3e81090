import ClinicCore
import TerminalKit

/// The registration and edit form, and the duplicate-check dialog over it.
enum RegistrationView {
    static func render(_ registration: RegistrationState, state: AppState, focused: Bool, in area: Rect, buffer: inout Buffer) {
        let title: String = switch registration.mode {
        case .register: "Register a new patient"
        case let .edit(_, base): "Edit \(base.displayName)"
        }
        let footer = registration.isSaving ? "Saving…" : "Ctrl-S save · Tab next field · Esc cancel"
        let block = Block(title: title, footer: footer, isFocused: focused && registration.duplicates == nil)
        buffer.render(block, in: area)
        var form = registration.form
        buffer.render(Form(fields: RegistrationForm.fields(errors: registration.errors, dateOrder: state.dateOrder),
                           isFocused: focused && registration.duplicates == nil), in: block.inner(area), state: &form)
    }

    /// Candidates ranked, with what matched highlighted, and the two ways out; drawn over the
    /// whole screen so every reason is readable.
    static func renderDuplicates(_ duplicates: DuplicateState, state: AppState, in area: Rect, buffer: inout Buffer) {
        buffer.cursor = nil
        let wanted = duplicates.candidates.count + (duplicates.reason == nil ? 5 : 7)
        let box = area.centered(width: area.width >= 60 ? area.width - 4 : area.width, height: min(area.height, wanted))
        buffer.render(Clear(scope: .dialog), in: box)
        let footer = duplicates.reason == nil ? "Enter use this patient · Ctrl-A register anyway · Esc back"
            : "Enter register · Esc back"
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
            buffer.render(TextField(placeholder: "e.g. twin brother", isFocused: true, scope: .field), in: row.droppingLeft(8), state: &reason)
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
                TableCell(LookupPane.born(patient.birthDate), scope: mark(.birthDate)),
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
