import ClinicCore
import Foundation
public import TerminalKit

/// Today's open visits, with ticket, who they are, how long they have waited, for whom.
public enum QueueView {
    public static func render(_ state: QueueState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let now = context.session.now
        let block = Block(title: title(state, context.session), isFocused: context.isFocused)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        let wide = inner.width >= 90
        let medium = inner.width >= 50
        var columns: [TableColumn] = []
        if medium { columns.append(TableColumn("Tkt", width: .length(3), alignment: .right)) }
        columns.append(TableColumn("Patient", width: .fill(2)))
        if wide { columns += [TableColumn("Born", width: .length(10)), TableColumn("MRN", width: .length(10)),
                              TableColumn("Arr.", width: .length(5)), TableColumn("Appt", width: .length(5))] }
        columns.append(TableColumn("Wait", width: .length(10), alignment: .right))
        if medium { columns.append(TableColumn("For", width: .fill(1))) }
        // Money is the desk's business: only those who take payments see who owes.
        let money = context.session.refusal(.takePayments) == nil
        if wide { columns.append(TableColumn("Room", width: .length(8))) }
        if wide, money { columns.append(TableColumn("Owes", width: .length(10), alignment: .right)) }
        columns.append(TableColumn("Status", width: .length(medium ? 10 : 7)))
        let rows = state.rows
        let late = state.lateMinutes
        let texts = ListBehaviour.rowTexts(state.list, count: rows.count) {
            QueueFeature.searchTexts(rows, now: now, lateMinutes: late)
        }
        let timeZone = context.session.timeZone
        let row = { (index: Int) -> TableRow in
            let entry = rows[index]
            let visit = entry.visit
            let isLate = QueueFeature.isLate(entry, now: now, late)
            var marked = visit.priority == .normal ? entry.patientName : "\(visit.priority.mark) \(entry.patientName)"
            // Narrower panes have no Owes column: a "$" before the name (the key that opens the bill).
            if !wide, money, !entry.balance.isEmpty { marked = "$ " + marked }
            var cells: [TableCell] = []
            if medium { cells.append(TableCell("\(visit.ticket)")) }
            cells.append(TableCell(marked, scope: priorityScope(visit.priority)))
            if wide {
                cells += [TableCell(BirthText.short(entry.patientBirthDate)), TableCell(entry.patientMRN.description),
                          TableCell(ClockText.time(visit.arrivedAt, timeZone: timeZone).description),
                          TableCell(entry.appointmentTime?.description ?? "walk-in")]
            }
            cells.append(TableCell(QueueFeature.waitText(visit.waitingMinutes(at: now), status: visit.status, late: isLate),
                                   scope: isLate ? "queue.waiting.late" : nil))
            if medium {
                // Once called, where the patient goes matters more than whom they wait for (wide screens show both).
                let goes = !wide && visit.status != .waiting ? visit.room.map { "→ \($0)" } : nil
                cells.append(TableCell(goes ?? QueueFeature.place(entry)))
            }
            if wide { cells.append(TableCell(visit.room ?? "")) }
            if wide, money {
                cells.append(TableCell(BalanceWords.amount(entry.balance) ?? "", scope: entry.balance.isEmpty ? nil : "billing.owed"))
            }
            cells.append(TableCell(StatusWords.visit(visit.status), scope: statusScope(visit.status, late: isLate)))
            return TableRow(cells, searchText: texts[index])
        }
        var list = state.list
        let empty = !state.isLoaded ? "Loading…"
            : state.scope == .mine ? "Nobody waiting for you — \(context.hints.key("queue.scope") ?? "") shows everyone's queue"
            : "Nobody checked in yet today"
        buffer.render(Table(columns: columns, rowCount: rows.count, row: row, isFocused: context.isFocused, emptyText: empty),
                      in: inner, state: &list)
    }

    /// `My queue — 3 waiting · avg wait 12 min · next arrival ~30 min`; everyone's: `Queue — 5 waiting · avg wait 12 min`.
    static func title(_ state: QueueState, _ session: Session) -> String {
        let rows = state.rows
        let waiting = rows.filter { $0.visit.status == .waiting }.count
        var parts = ["\(waiting) waiting"]
        var inScope: [Visit] = []
        inScope.reserveCapacity(state.entries.count + state.ended.count)
        for entry in state.entries where QueueFeature.isInScope(entry.visit, scope: state.scope, me: state.me) { inScope.append(entry.visit) }
        for visit in state.ended where QueueFeature.isInScope(visit, scope: state.scope, me: state.me) { inScope.append(visit) }
        if let average = QueueRules.averageWait(inScope) { parts.append("avg wait \(average) min") }
        if session.refusal(.takePayments) == nil {
            let owing = rows.filter { $0.balance.values.contains { $0.minor > 0 } }.count
            let refunds = rows.filter { $0.balance.values.contains(where: \.isNegative) }.count
            if owing > 0 { parts.append("$ \(owing) owing") }
            if refunds > 0 { parts.append("$ \(refunds) refund") }
        }
        if state.scope == .mine, let me = state.me {
            let expected = QueueRules.expectedWait(waitingAhead: waiting, averageConsultation: QueueRules.averageConsultation(inScope),
                                                   slotMinutes: me.defaultSlotMinutes)
            parts.append("next arrival ~\(expected) min")
        }
        return (state.scope == .mine ? "My queue" : "Queue") + " — " + parts.joined(separator: " · ")
    }

    static func priorityScope(_ priority: QueuePriority) -> Scope? {
        switch priority {
        case .normal: nil
        case .urgent: "queue.priority.urgent"
        case .emergency: "queue.priority.urgent.emergency"  // falls back to urgent in any theme
        }
    }

    static func statusScope(_ status: QueueStatus, late: Bool) -> Scope {
        switch status {
        case .waiting: late ? "queue.waiting.late" : "queue.waiting"
        case .called, .inConsultation: "queue.called"
        case .done, .left: .textDim
        }
    }
}
