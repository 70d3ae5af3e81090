import ClinicCore
import Foundation
public import TerminalKit

/// The providers screen over the whole screen: each provider with specialty, slot length, who
/// signs in as them, weekly hours and the next leave; the clinic's holidays; and the selected
/// provider's week day by day, with the leave ahead.
public enum ProvidersView {
    public static func render(_ state: ProvidersState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        buffer.render(Clear(scope: .dialog), in: area)
        let footer = context.hints.line([
            ("providers.add", "add"), ("providers.edit", "edit"), ("providers.hours", "hours"), ("providers.leave", "leave"),
            ("providers.holiday", "holiday"), ("providers.withdraw", "withdraw"), ("providers.close", "close"),
        ])
        let block = Block(title: title(state, context.session), footer: footer, isFocused: context.isFocused, fill: .dialog,
                          titleScope: .dialogTitle)
        buffer.render(block, in: area)
        let inner = block.inner(area).inset(horizontal: 1)
        guard !inner.isEmpty else { return }
        guard let roster = state.roster else {
            buffer.write("Loading…", at: inner.origin, scope: .hint, clip: inner)
            return
        }
        let today = context.session.today
        let details = detailLines(state, roster, context.session)
        let tableRows = state.rows.count + 1 + (state.list.filter.isActive ? 1 : 0)
        let tableHeight = min(max(tableRows, 2), max(2, inner.height - min(details.count + 1, 12)))
        var list = state.list
        buffer.render(table(state.rows, state.list, today: today, width: inner.width, isFocused: context.isFocused,
                            empty: "No providers yet" + (context.hints.key("providers.add").map { " — \($0) adds one" } ?? "")),
                      in: inner.top(tableHeight), state: &list)
        let rest = inner.droppingTop(min(inner.height, tableHeight + 1))
        for (offset, line) in details.prefix(rest.height).enumerated() {
            buffer.write(line.truncated(toWidth: rest.width), at: Position(x: rest.x, y: rest.y + offset), scope: .dialog, clip: rest)
        }
    }

    /// `Providers — hours and leave (2)`, or how many the filter keeps.
    static func title(_ state: ProvidersState, _ session: Session) -> String {
        let rows = state.rows
        let count = ListBehaviour.filterSummary(state.list, count: rows.count) {
            ProvidersText.searchTexts(rows, today: session.today)
        } ?? "\(rows.count)"
        return "Providers — hours and leave (\(count))"
    }

    static func table(_ rows: [ProviderSchedule], _ list: ListState, today: CalendarDate, width: Int, isFocused: Bool,
                      empty: String) -> Table {
        let wide = width >= 110
        let medium = width >= 70
        var columns = [TableColumn("Provider", width: .fill(2))]
        if wide { columns.append(TableColumn("Specialty", width: .fill(1))) }
        if medium { columns.append(TableColumn("Slot", width: .length(6))) }
        if wide { columns.append(TableColumn("Signs in as", width: .length(11))) }
        columns.append(TableColumn("Weekly hours", width: .fill(3)))
        if medium { columns.append(TableColumn("Leave ahead", width: .fill(2))) }
        let texts = ListBehaviour.rowTexts(list, count: rows.count) { ProvidersText.searchTexts(rows, today: today) }
        return Table(columns: columns, rowCount: rows.count, row: { index in
            let row = rows[index]
            var cells = [TableCell(row.provider.displayName)]
            if wide { cells.append(TableCell(row.provider.specialty.rawValue)) }
            if medium { cells.append(TableCell("\(row.provider.defaultSlotMinutes) min")) }
            if wide { cells.append(TableCell(row.linkedUser?.username ?? "—", scope: row.linkedUser == nil ? .hint : nil)) }
            cells.append(TableCell(ProvidersText.weekSummary(row)))
            if medium {
                let leave = ProvidersText.leaveAhead(row.leave, from: today)
                cells.append(TableCell(leave, scope: leave == "none" ? .hint : nil))
            }
            return TableRow(cells, searchText: texts[index])
        }, isFocused: isFocused, emptyText: empty)
    }

    /// The clinic's holidays, then the selected provider's week and leave ahead.
    static func detailLines(_ state: ProvidersState, _ roster: ProviderRoster, _ session: Session) -> [Line] {
        let today = session.today
        let holidays = roster.holidays.filter { $0.lastDay >= today }
        var lines = [holidays.isEmpty ? Line("No clinic holidays ahead.", scope: .hint)
            : Line("Clinic holidays: " + holidays.map(ProvidersText.exception).joined(separator: " · "))]
        guard let row = ProvidersFeature.selected(state, today), let monday = state.weekStart else { return lines }
        let provider = row.provider
        let signsIn = row.linkedUser.map { "signs in as \($0.username)" } ?? "does not sign in"
        lines.append(Line(""))
        lines.append(Line("This week — \(provider.displayName) · \(provider.specialty) · \(provider.defaultSlotMinutes)-minute slots · \(signsIn)",
                          scope: .header))
        for offset in 0..<7 {
            let date = monday.adding(days: offset)
            let hours = ProvidersText.dayHours(row, holidays: roster.holidays, on: date)
            let mark = date == today ? " (today)" : ""
            lines.append(Line("  \(ProvidersText.day(date))\(mark)".padding(toLength: 24, withPad: " ", startingAt: 0) + hours,
                              scope: hours == "off" ? .hint : nil))
        }
        lines.append(Line(""))
        lines.append(Line("Leave ahead", scope: .header))
        let ahead = row.leave.filter { $0.lastDay >= today }
        if ahead.isEmpty { lines.append(Line("  none", scope: .hint)) }
        lines += ahead.map { Line("  " + ProvidersText.exception($0)) }
        return lines
    }
}
