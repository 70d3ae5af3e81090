import ClinicCore
public import TerminalKit

/// The day's appointments by time and provider.
public enum ScheduleView {
    public static func render(_ state: ScheduleState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let label = state.day == context.session.today ? "today" : "\(state.day)"
        let texts = ListBehaviour.rowTexts(state.list, count: state.entries.count) { ScheduleFeature.searchTexts(state.entries) }
        let block = Block(title: "Schedule — \(label) (\(count(state)))", isFocused: context.isFocused)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        let wide = inner.width >= 60
        var columns = [TableColumn("Time", width: .length(5)), TableColumn("Patient", width: .fill(2))]
        if wide { columns.append(TableColumn("Provider", width: .fill(1))) }
        columns.append(TableColumn("Status", width: .length(StatusWords.appointmentWidth + 1)))
        let entries = state.entries
        let row = { (index: Int) -> TableRow in
            let entry = entries[index]
            var cells = [TableCell(entry.appointment.start.time.description, scope: "schedule.time"), TableCell(entry.patientName)]
            if wide { cells.append(TableCell(entry.providerName)) }
            cells.append(TableCell(StatusWords.appointment(entry.appointment.status), scope: statusScope(entry.appointment.status)))
            return TableRow(cells, searchText: texts[index])
        }
        var list = state.list
        let empty = state.isLoaded ? "No appointments on \(label)" : "Loading…"
        buffer.render(Table(columns: columns, rowCount: entries.count, row: row, isFocused: context.isFocused, emptyText: empty),
                      in: inner, state: &list)
    }

    /// `6, 1 cancelled`, or `3 of 6 match “wang”` while filtered: the same rows the filter counts.
    static func count(_ state: ScheduleState) -> String {
        if let summary = ListBehaviour.filterSummary(state.list, count: state.entries.count,
                                                     searchTexts: { ScheduleFeature.searchTexts(state.entries) }) {
            return summary
        }
        let cancelled = state.entries.filter { $0.appointment.status == .cancelled }.count
        return "\(state.entries.count)" + (cancelled > 0 ? ", \(cancelled) cancelled" : "")
    }

    static func statusScope(_ status: AppointmentStatus) -> Scope {
        Scope("schedule." + (status == .followUpBooked ? AppointmentStatus.completed.rawValue : status.rawValue))
    }
}
