import ClinicCore
import Foundation
public import TerminalKit

/// The waitlist: who wants an earlier or better slot, with whom, between which days, when.
public enum WaitlistView {
    public static func render(_ state: ScheduleState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let session = context.session
        let entries = state.waitlist
        let texts = ListBehaviour.rowTexts(state.waitlistList, count: entries.count) { ScheduleFeature.waitlistTexts(state, session) }
        let count = ListBehaviour.filterSummary(state.waitlistList, count: entries.count) { ScheduleFeature.waitlistTexts(state, session) }
            ?? "\(entries.count) waiting"
        let block = Block(title: "Waitlist — \(count)", isFocused: context.isFocused)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        let wide = inner.width >= 90
        var columns = [TableColumn("Patient", width: .fill(2))]
        if wide { columns.append(TableColumn("MRN", width: .length(10))) }
        columns += [TableColumn("With", width: .fill(1)), TableColumn("Days", width: .length(wide ? 24 : 13))]
        if inner.width >= 60 { columns.append(TableColumn("Times", width: .length(wide ? 18 : 9))) }
        if wide { columns += [TableColumn("Note", width: .fill(2)), TableColumn("Added", width: .length(10))] }
        let row = { (index: Int) -> TableRow in
            let entry = entries[index]
            var cells = [TableCell(entry.patientName)]
            if wide { cells.append(TableCell(entry.patientMRN.description)) }
            cells += [TableCell(ScheduleFeature.providerName(state, entry.providerID)),
                      TableCell(wide ? dates(entry, today: session.today) : shortDates(entry, today: session.today))]
            if inner.width >= 60 { cells.append(TableCell(times(entry))) }
            if wide {
                cells += [TableCell(entry.note, scope: .hint),
                          TableCell(ClockText.day(entry.addedAt, timeZone: session.timeZone).description, scope: .hint)]
            }
            return TableRow(cells, searchText: texts[index])
        }
        var list = state.waitlistList
        let add = context.hints.key("schedule.waitlist-add").map { " — \($0) adds a patient" } ?? ""
        buffer.render(Table(columns: columns, rowCount: entries.count, row: row, isFocused: context.isFocused,
                            emptyText: "Nobody is on the waitlist\(add)"), in: inner, state: &list)
    }

    /// `from Wed 2 Dec to Wed 9 Dec`, `from today`.
    static func dates(_ entry: WaitlistEntry, today: CalendarDate) -> String {
        let from = entry.earliest <= today ? "from today" : "from \(DayText.short(entry.earliest, today: today))"
        return from + (entry.latest.map { " to \(DayText.short($0, today: today))" } ?? "")
    }

    /// `2 Dec–9 Dec`, for narrow panes.
    static func shortDates(_ entry: WaitlistEntry, today: CalendarDate) -> String {
        func day(_ date: CalendarDate) -> String { "\(date.day) \(DayText.months[date.month - 1])" }
        let from = entry.earliest <= today ? "now" : day(entry.earliest)
        return from + "–" + (entry.latest.map(day) ?? "")
    }

    /// `mornings, afternoons`, or `any time`.
    static func times(_ entry: WaitlistEntry) -> String {
        guard !entry.times.isEmpty else { return "any time" }
        return TimeOfDay.allCases.filter(entry.times.contains).map { "\($0.rawValue)s" }.joined(separator: ", ")
    }
}
