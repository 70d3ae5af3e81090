import ClinicCore
public import TerminalKit

/// Patient lookup: the search box and its results, or the card or form opened from them.
public enum PatientsView {
    public static func render(_ state: PatientsState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        if let form = state.form {
            RegistrationView.render(form, context, in: area, buffer: &buffer)
        } else if let card = state.card {
            PatientCardView.render(card, context, in: area, buffer: &buffer)
        } else {
            LookupView.render(state, context, in: area, buffer: &buffer)
        }
    }
}

/// The search box and its results.
enum LookupView {
    static func render(_ lookup: PatientsState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let focused = context.isFocused
        let found = lookup.showingRecent ? "your recent" :
            "\(lookup.results.count)\(lookup.results.count >= lookup.limit ? "+" : "") found"
        let stop = context.hints.key("lookup.stop-choosing").map { " · \($0) stops" } ?? ""
        let title = lookup.choosing.map { "\($0) — \(found)\(stop)" } ?? "Patients — \(found)"
        let block = Block(title: title, isFocused: focused)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        guard inner.height > 0 else { return }
        let label = "Find: "
        let row = inner.row(0)
        buffer.write(label, at: row.origin, scope: .fieldLabel, clip: row)
        var query = lookup.query
        let field = TextField(placeholder: "name, phone, date of birth or #MRN", isFocused: focused, scope: .field)
        buffer.render(field, in: row.droppingLeft(label.displayWidth), state: &query)
        var list = lookup.list
        let results = inner.droppingTop(1)
        let register = context.hints.key("lookup.register").map { " — \($0) registers a new one" } ?? ""
        let empty = lookup.showingRecent ? "Type a name, phone, date of birth or #MRN to search"
            : "No patient matches “\(lookup.resultsQuery)”\(register)"
        let patients = lookup.results
        let today = context.session.today
        let width = results.width
        buffer.render(Table(columns: columns(width: width), rowCount: patients.count,
                            row: { LookupView.row(patients[$0], today: today, width: width) }, isFocused: focused, emptyText: empty),
                      in: results, state: &list)
    }

    static func columns(width: Int) -> [TableColumn] {
        var columns = [TableColumn("Name", width: .fill(3)), TableColumn("Sex/age", width: .length(7))]
        if width >= 50 { columns.append(TableColumn("Born", width: .length(10))) }
        columns.append(TableColumn("MRN", width: .length(10)))
        if width >= 70 { columns.append(TableColumn("Phone", width: .length(13))) }
        if width >= 84 { columns.append(TableColumn("Last visit", width: .length(10))) }
        return columns
    }

    static func row(_ patient: PatientSummary, today: CalendarDate, width: Int) -> TableRow {
        var cells = [TableCell(patient.displayName), TableCell(sexAndAge(patient, today: today))]
        if width >= 50 { cells.append(TableCell(born(patient.birthDate))) }
        cells.append(TableCell(patient.mrn.description))
        if width >= 70 { cells.append(TableCell(patient.phone?.normalized ?? "")) }
        if width >= 84 { cells.append(TableCell(patient.lastVisit?.description ?? "")) }
        return TableRow(cells)
    }

    /// `F 42`, `M ~30` (estimated), `? 7` — age in months below two years.
    static func sexAndAge(_ patient: PatientSummary, today: CalendarDate) -> String {
        guard let birth = patient.birthDate else { return patient.sex.abbreviation }
        let years = birth.age(on: today)
        let age = years >= 2 ? "\(years)" : "\(max(0, (today.daysSinceEpoch - birth.date.daysSinceEpoch) / 30))mo"
        return "\(patient.sex.abbreviation) \(birth.isEstimated ? "~" : "")\(age)"
    }

    static func born(_ birth: BirthDate?) -> String { BirthText.short(birth) }
}
