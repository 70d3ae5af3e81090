import ClinicCore
public import TerminalKit

/// Today's checked-in patients, with how long each has waited.
public enum QueueView {
    public static func render(_ state: QueueState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let now = context.session.now
        let waiting = state.entries.filter { $0.visit.status == .waiting }.count
        let block = Block(title: "Queue — \(waiting) waiting", isFocused: context.isFocused)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        let wide = inner.width >= 50
        var columns = [TableColumn("Patient", width: .fill(2)), TableColumn("Wait", width: .length(10), alignment: .right)]
        if wide { columns.append(TableColumn("For", width: .fill(1))) }
        columns.append(TableColumn("Status", width: .length(wide ? 10 : 7)))
        let texts = ListBehaviour.rowTexts(state.list, count: state.entries.count) { QueueFeature.searchTexts(state.entries, now: now) }
        let entries = state.entries
        let row = { (index: Int) -> TableRow in
            let entry = entries[index]
            let visit = entry.visit
            let late = QueueFeature.isLate(entry, now: now)
            let urgent = visit.priority == .urgent
            var cells = [
                TableCell((urgent ? "! " : "") + entry.patientName, scope: urgent ? "queue.priority.urgent" : nil),
                TableCell(QueueFeature.waitText(visit.waitingMinutes(at: now), status: visit.status, late: late),
                          scope: late ? "queue.waiting.late" : nil),
            ]
            if wide { cells.append(TableCell(entry.providerName ?? "any")) }
            cells.append(TableCell(StatusWords.visit(visit.status), scope: statusScope(visit.status, late: late)))
            return TableRow(cells, searchText: texts[index])
        }
        var list = state.list
        let empty = state.isLoaded ? "Nobody checked in yet today" : "Loading…"
        buffer.render(Table(columns: columns, rowCount: entries.count, row: row, isFocused: context.isFocused, emptyText: empty),
                      in: inner, state: &list)
    }

    static func statusScope(_ status: QueueStatus, late: Bool) -> Scope {
        switch status {
        case .waiting: late ? "queue.waiting.late" : "queue.waiting"
        case .called, .inConsultation: "queue.called"
        case .done, .left: .textDim
        }
    }
}
