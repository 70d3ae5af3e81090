import ClinicCore
public import TerminalKit

/// The day's book: on wide panes a grid with a column per provider and a row per slot
/// (scrolling sideways a page of providers at a time); on narrow ones one provider's slots.
/// The last row describes the selected slot in full words.
public enum BookView {
    /// The time column: `09:00 `.
    static let timeWidth = 6
    /// The narrowest provider column the grid uses before scrolling sideways.
    static let minimumColumn = 16
    /// A pane narrower than this shows one provider at a time.
    public static let gridWidth = timeWidth + 3 * minimumColumn

    public static func render(_ state: ScheduleState, _ context: ViewContext, in area: Rect, buffer: inout Buffer) {
        let session = context.session
        let now = session.localNow
        let grid = ScheduleFeature.grid(state, now: now)
        let block = Block(title: title(state, grid, session), isFocused: context.isFocused)
        buffer.render(block, in: area)
        var inner = block.inner(area)
        guard inner.height > 0, inner.width > 0 else { return }
        guard let grid, state.isLoaded else {
            buffer.write("Loading…", at: inner.origin, scope: .hint, clip: inner)
            return
        }
        if state.columnFilter.isActive {
            let total = state.book.map { ScheduleFeature.shownDays(ScheduleState(day: state.day), $0).count } ?? 0
            var filter = state.columnFilter
            FilterRow(total: total, shown: grid.columns.count).render(in: inner.row(inner.height - 1), buffer: &buffer, state: &filter)
            inner = inner.droppingBottom(1)
        }
        let position = ScheduleFeature.position(state, grid, now: now)
        let clashes = state.book.map(ScheduleFeature.patientClashes) ?? []
        if inner.height >= 5 {
            let detail = BookDetail.line(state, session: session, hints: context.hints, grid: grid, patientClashes: clashes)
            buffer.write(detail.text, fitting: inner.row(inner.height - 1), alignment: .left, scope: detail.scope)
            inner = inner.droppingBottom(1)
        }
        guard let position else {
            buffer.write(emptyText(state, session), at: inner.origin, scope: .hint, clip: inner)
            return
        }
        let draw = BookCells(state: state, grid: grid, session: session, isFocused: context.isFocused, cursor: position,
                             patientClashes: clashes)
        if inner.width >= gridWidth {
            draw.grid(in: inner, buffer: &buffer)
        } else {
            draw.single(in: inner, buffer: &buffer)
        }
    }

    /// `Book — today · 41 free · moving Smith, John`.
    static func title(_ state: ScheduleState, _ grid: BookGrid?, _ session: Session) -> String {
        var parts = ["Book — \(DayText.relative(state.day, today: session.today))"]
        if state.day != session.today, abs(state.day.daysSinceEpoch - session.today.daysSinceEpoch) <= 1 {
            parts[0] += " \(DayText.short(state.day, today: session.today))"
        }
        if let grid, state.isLoaded {
            parts.append("\(grid.columns.reduce(0) { $0 + $1.freeCount }) free")
            if let only = state.providerFilter, let column = grid.columns.first(where: { $0.provider.id == only }) {
                parts.append(column.provider.displayName + " only")
            }
        }
        if let moving = state.moving { parts.append("moving \(moving.patientName)") }
        return parts.joined(separator: " · ")
    }

    static func emptyText(_ state: ScheduleState, _ session: Session) -> String {
        if state.columnFilter.narrows { return "No provider or patient matches “\(state.columnFilter.text)” on this day" }
        if let only = state.providerFilter,
           let provider = state.book?.days.first(where: { $0.provider.id == only })?.provider {
            return "\(provider.displayName) does not work on \(DayText.relative(state.day, today: session.today)); "
                + "choose all providers to see the others"
        }
        return "No provider works on \(DayText.relative(state.day, today: session.today))"
    }
}

/// Drawing the cells of the book, as a grid or as one provider's column.
struct BookCells {
    let state: ScheduleState
    let grid: BookGrid
    let session: Session
    let isFocused: Bool
    let cursor: (column: Int, row: Int)
    /// Appointments whose patient is booked with another provider at the same time.
    let patientClashes: Set<EntityID<Appointment>>

    /// The first of `count` items shown in pages of `page`, keeping `index` on screen.
    static func first(of index: Int, page: Int, count: Int) -> Int {
        guard page > 0, count > page else { return 0 }
        return min((index / page) * page, count - page)
    }

    func grid(in area: Rect, buffer: inout Buffer) {
        let available = area.width - BookView.timeWidth
        let perPage = max(1, min(grid.columns.count, available / BookView.minimumColumn))
        let width = available / perPage
        let firstColumn = Self.first(of: cursor.column, page: perPage, count: grid.columns.count)
        let headerRows = area.height >= 8 ? 2 : 1
        let body = area.droppingTop(headerRows)
        let firstRow = Self.first(of: cursor.row, page: max(1, body.height), count: grid.times.count)
        buffer.fill(area.row(0), scope: .header)
        if firstColumn > 0 { buffer.write("‹ \(firstColumn)", at: area.origin, scope: .header, clip: area.row(0)) }
        let rightCount = grid.columns.count - firstColumn - perPage
        if rightCount > 0 {
            let text = "\(rightCount) ›"
            buffer.write(text, at: Position(x: area.maxX - text.count, y: area.y), scope: .header, clip: area.row(0))
        }
        for offset in 0..<perPage {
            let index = firstColumn + offset
            guard grid.columns.indices.contains(index) else { break }
            let column = grid.columns[index]
            let x = area.x + BookView.timeWidth + offset * width
            let marker = rightCount > 0 ? "\(rightCount) ›".count + 1 : 0
            let cellWidth = offset == perPage - 1 ? area.maxX - x - marker : width - 1
            let nameScope: Scope = index == cursor.column ? "schedule.provider.selected" : .header
            buffer.write(column.provider.displayName, fitting: Rect(x: x, y: area.y, width: cellWidth, height: 1),
                         alignment: .left, scope: nameScope)
            if headerRows == 2 {
                buffer.write(Self.summary(column), fitting: Rect(x: x, y: area.y + 1, width: cellWidth, height: 1), alignment: .left,
                             scope: column.dayOff == nil ? .hint : "schedule.leave")
            }
            for line in 0..<body.height {
                let row = firstRow + line
                guard grid.times.indices.contains(row) else { break }
                let rect = Rect(x: x, y: body.y + line, width: cellWidth, height: 1)
                draw(column: index, row: row, in: rect, full: cellWidth >= 26, buffer: &buffer)
            }
        }
        drawTimes(from: firstRow, in: body, buffer: &buffer)
    }

    func single(in area: Rect, buffer: inout Buffer) {
        let column = grid.columns[cursor.column]
        let position = grid.columns.count > 1 ? " (\(cursor.column + 1) of \(grid.columns.count))" : ""
        buffer.write("\(column.provider.displayName)\(position) · \(Self.summary(column))", fitting: area.row(0),
                     alignment: .left, scope: .header)
        let body = area.droppingTop(1)
        let rows = grid.times.indices.filter { if case .slot = column.cells[$0] { true } else { false } }
        let at = rows.firstIndex(of: cursor.row) ?? 0
        let first = Self.first(of: at, page: max(1, body.height), count: rows.count)
        if rows.isEmpty {
            buffer.write(column.dayOff ?? "Not working", at: body.origin, scope: "schedule.leave", clip: body)
            return
        }
        for line in 0..<body.height {
            guard rows.indices.contains(first + line) else { break }
            let row = rows[first + line]
            buffer.write(grid.times[row].description, at: Position(x: body.x, y: body.y + line), scope: "schedule.time", clip: body)
            let rect = Rect(x: body.x + BookView.timeWidth, y: body.y + line, width: max(0, body.width - BookView.timeWidth), height: 1)
            draw(column: cursor.column, row: row, in: rect, full: true, buffer: &buffer)
        }
    }

    /// `6 free`, `leave: conference`, `clinic closed: Christmas`.
    static func summary(_ column: BookGrid.Column) -> String {
        column.dayOff ?? "\(column.freeCount) free"
    }

    private func drawTimes(from firstRow: Int, in body: Rect, buffer: inout Buffer) {
        for line in 0..<body.height {
            let row = firstRow + line
            guard grid.times.indices.contains(row) else { break }
            let selected = row == cursor.row
            buffer.write(grid.times[row].description, at: Position(x: body.x, y: body.y + line),
                         scope: selected ? "schedule.time.selected" : "schedule.time", clip: body)
        }
    }

    private func draw(column index: Int, row: Int, in rect: Rect, full: Bool, buffer: inout Buffer) {
        let column = grid.columns[index]
        var (text, scope) = cellText(column, row: row, width: rect.width, full: full)
        if index == cursor.column && row == cursor.row {
            scope = isFocused ? .selection : .selectionUnfocused
            if text.isEmpty { text = "·" }
        }
        buffer.write(text, fitting: rect, alignment: .left, scope: scope)
    }

    /// What a cell says, and its style: `free`, `free · 2 waiting`, `lunch`, `Smith, John conf`,
    /// `CLASH Smith, John +1`, `┆` inside a longer slot, the day off on the first row.
    func cellText(_ column: BookGrid.Column, row: Int, width: Int, full: Bool) -> (String, Scope) {
        let slot: DaySlot
        switch column.cells[row] {
        case .outside:
            if column.slots.isEmpty, row == 0, let off = column.dayOff { return (off, "schedule.leave") }
            return ("", .text)
        case .continues: return ("┆", "schedule.past")
        case let .slot(index): slot = column.slots[index]
        }
        switch slot.state {
        case .free:
            // Drawn for every free cell of every frame: nothing to look for when nobody waits.
            let waiting = state.waitlist.isEmpty ? 0
                : ScheduleFeature.fitting(state, BookSlot(provider: column.provider, start: LocalDateTime(date: grid.date, time: slot.start))).count
            return waiting > 0 ? ("free · \(waiting) waiting", "schedule.free.waitlist") : ("free", "schedule.free")
        case .past: return ("·", "schedule.past")
        case let .pause(label): return (label, "schedule.break")
        case .booked:
            return bookedText(slot, width: width, full: full)
        }
    }

    /// A booked cell: the name cut to leave room for the words after it, which always show.
    private func bookedText(_ slot: DaySlot, width: Int, full: Bool) -> (String, Scope) {
        guard let booking = SlotBooking(slot.state) else { return ("", .text) }
        let appointments = booking.appointments
        let first = appointments[0]
        let name = state.book?.entry(first.id)?.patientName ?? "a patient"
        let isMoving = state.moving?.id == first.id
        let lead = (isMoving ? "» " : "") + (first.start.time < slot.start ? "┆ " : "")
        let more = appointments.count > 1 ? " +\(appointments.count - 1)" : ""
        let (prefix, suffix, scope): (String, String, Scope)
        switch booking {
        case .clash:
            (prefix, suffix, scope) = (lead + "CLASH ", more, "schedule.clash")
        case .overbooked:
            (prefix, suffix, scope) = (lead, more + (full ? " overbooked" : " OB"), "schedule.overbooked")
        case let .one(appointment) where patientClashes.contains(appointment.id):
            (prefix, suffix, scope) = (lead + "CLASH ", "", "schedule.clash")
        case let .one(appointment):
            let word = full ? StatusWords.appointment(appointment.status) : StatusWords.appointmentShort(appointment.status)
            let overbook = appointment.overbookReason == nil ? "" : (full ? " overbooked" : " OB")
            (prefix, suffix, scope) = (lead, (word.isEmpty ? "" : " " + word) + overbook,
                                       appointment.overbookReason != nil ? "schedule.overbooked" : ScheduleView.statusScope(appointment.status))
        }
        let room = max(3, width - TextWidth.displayWidth(of: prefix) - TextWidth.displayWidth(of: suffix))
        return (prefix + TextWidth.truncate(name, toWidth: room) + suffix, isMoving ? "schedule.moving" : scope)
    }
}
