import ClinicCore
public import TerminalKit

/// The schedule pane: the day's book, one provider's week, or the waitlist.
public enum ScheduleView {
    public static func render(_ state: ScheduleState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        switch state.mode {
        case .day: BookView.render(state, context, in: area, buffer: &buffer)
        case .week: WeekView.render(state, context, in: area, buffer: &buffer)
        case .waitlist: WaitlistView.render(state, context, in: area, buffer: &buffer)
        }
    }

    static func statusScope(_ status: AppointmentStatus) -> Scope {
        Scope("schedule." + (status == .followUpBooked ? AppointmentStatus.completed.rawValue : status.rawValue))
    }
}

/// One provider's week: each day's free and booked slots and the first free one.
enum WeekView {
    static func render(_ state: ScheduleState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let session = context.session
        guard let week = state.week else { return }
        let back = context.hints.key("schedule.week").map { " · \($0) back to the day" } ?? ""
        let block = Block(title: "Week of \(DayText.short(week.monday, today: session.today)) — \(week.provider.displayName)\(back)",
                          isFocused: context.isFocused)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        guard let summary = week.summary else {
            buffer.write("Loading…", at: inner.origin, scope: .hint, clip: inner)
            return
        }
        let wide = inner.width >= 50
        var columns = [TableColumn("Day", width: .length(wide ? 18 : 10)), TableColumn("Free", width: .length(4), alignment: .right)]
        if wide { columns.append(TableColumn("Booked", width: .length(6), alignment: .right)) }
        columns.append(TableColumn(wide ? "First free" : "First", width: .length(wide ? 10 : 5)))
        columns.append(TableColumn("", width: .fill(1)))
        let days = summary.days
        let row = { (index: Int) -> TableRow in
            let day = days[index]
            let label = DayText.short(day.date, today: session.today) + (day.date == session.today ? (wide ? " (today)" : "*") : "")
            var cells = [TableCell(label), TableCell(day.dayOff == nil ? "\(day.free)" : "–", scope: day.free > 0 ? "schedule.free" : nil)]
            if wide { cells.append(TableCell("\(day.booked)")) }
            cells.append(TableCell(day.firstFree?.description ?? ""))
            let remark = day.date < session.today ? "past" : day.free == 0 ? "full" : ""
            cells.append(TableCell(day.dayOff ?? remark, scope: day.dayOff == nil ? .hint : "schedule.leave"))
            return TableRow(cells)
        }
        var list = ListState(selected: week.selected)
        buffer.render(Table(columns: columns, rowCount: days.count, row: row, isFocused: context.isFocused), in: inner, state: &list)
    }
}
