public import ClinicCore
import Synchronization
import TerminalKit

/// The day grid as the pane shows it and the keys move through it: the providers kept by the
/// provider choice and the `/` filter, the cursor's cell, and moving that cursor. The view and
/// the reducer build it the same way, so what is drawn is what the keys act on.
extension ScheduleFeature {
    /// The grid of the columns shown, or nil before the day is read.
    ///
    /// The last grid is kept and given again while its inputs are equal: a frame draws it, and
    /// every action asks for the selection (whose patient the prescriptions pane follows), so
    /// without it a commit on another terminal built the same grid several times over.
    public static func grid(_ state: ScheduleState, now: LocalDateTime) -> BookGrid? {
        guard let book = state.book else { return nil }
        let key = GridInputs(book: book, providerFilter: state.providerFilter, columnFilter: state.columnFilter, now: now)
        if let grid = lastGrid.withLock({ last in last?.inputs == key ? last?.grid : nil }) { return grid }
        var shown = book
        shown.days = shownDays(state, book)
        let grid = BookGrid(shown, now: now)
        lastGrid.withLock { $0 = (key, grid) }
        return grid
    }

    /// What a grid is built from.
    private struct GridInputs: Equatable {
        let book: AppointmentBook
        let providerFilter: EntityID<Provider>?
        let columnFilter: ListFilter
        let now: LocalDateTime
    }

    /// The last grid built, with its inputs (comparing them is cheap: an unchanged book shares
    /// its arrays, which compare by identity first).
    private static let lastGrid = Mutex<(inputs: GridInputs, grid: BookGrid)?>(nil)

    /// The providers with a column: working that day, or on leave or holiday that day (said in
    /// words), or with anything booked; then the provider choice and the filter.
    static func shownDays(_ state: ScheduleState, _ book: AppointmentBook) -> [ProviderDay] {
        var days = book.days.filter { day in
            day.hours(on: book.date) != nil || day.exceptions.contains { $0.covers(book.date) }
                || day.appointments.contains { $0.start.date == book.date && BookingRules.holdsTime($0) }
        }
        if let only = state.providerFilter { days = days.filter { $0.provider.id == only } }
        guard state.columnFilter.narrows else { return days }
        let texts = days.map { columnText($0, book) }
        return state.columnFilter.visibleIndices(of: texts).map { days[$0] }
    }

    /// What the `/` filter matches for a column: the provider, the specialty, the patients booked.
    static func columnText(_ day: ProviderDay, _ book: AppointmentBook) -> String {
        let patients = book.entries.filter { $0.appointment.providerID == day.provider.id && BookingRules.holdsTime($0.appointment) }
            .map(\.patientName)
        return ([day.provider.displayName, day.provider.specialty.rawValue] + patients).joined(separator: " ")
    }

    /// The cursor's cell: its column and row in `grid`, resolved to the slot covering the cursor's time.
    static func position(_ state: ScheduleState, _ grid: BookGrid, now: LocalDateTime) -> (column: Int, row: Int)? {
        guard !grid.columns.isEmpty, !grid.times.isEmpty else { return nil }
        let column = state.cursor.provider.flatMap { id in grid.columns.firstIndex { $0.provider.id == id } } ?? 0
        let time = state.cursor.time ?? defaultTime(grid, column: column, now: now)
        let row = grid.times.lastIndex { $0 <= time } ?? 0
        return (column, grid.startRow(column: column, row: row) ?? row)
    }

    /// Where the cursor starts on a day: today at the first slot not yet passed, else the first slot.
    static func defaultTime(_ grid: BookGrid, column: Int, now: LocalDateTime) -> ClockTime {
        if grid.date == now.date, let upcoming = grid.times.first(where: { $0.minuteOfDay + 5 > now.time.minuteOfDay }) {
            return upcoming
        }
        let slots = grid.columns.indices.contains(column) ? grid.columns[column].slots : []
        return slots.first?.start ?? grid.times[0]
    }

    /// The selected slot with its appointments and the patients' names.
    /// `prebuilt` is the grid when the caller has it already (the view builds it once a frame).
    public static func selection(_ state: ScheduleState, now: LocalDateTime, prebuilt: BookGrid? = nil) -> BookSelection? {
        guard state.mode == .day, let book = state.book, let grid = prebuilt ?? grid(state, now: now),
              let (column, row) = position(state, grid, now: now) else { return nil }
        let slot = grid.slot(column: column, row: row)
        let booked = slot.flatMap { SlotBooking($0.state) }?.appointments ?? []
        let entries = booked.compactMap { book.entry($0.id) }
        return BookSelection(column: grid.columns[column], time: grid.times[row], slot: slot, entries: entries, date: book.date)
    }

    /// Moves the cursor up or down to the next slot start of its column (rows inside a longer
    /// slot and outside the hours are skipped), by a page, or to the first or last slot.
    static func moveCursor(_ state: inout ScheduleState, _ move: ListMove, now: LocalDateTime) {
        guard let grid = grid(state, now: now), let (column, row) = position(state, grid, now: now) else { return }
        let starts = grid.times.indices.filter { if case .slot = grid.columns[column].cells[$0] { true } else { false } }
        let rows = starts.isEmpty ? Array(grid.times.indices) : starts
        let target: Int?
        switch move.move {
        case .next: target = rows.first { $0 > row }
        case .previous: target = rows.last { $0 < row }
        case .first: target = rows.first
        case .last: target = rows.last
        case .pageDown: target = rows.first { $0 >= row + max(1, move.pageSize) } ?? rows.last
        case .pageUp: target = rows.last { $0 <= row - max(1, move.pageSize) } ?? rows.first
        case let .item(index): target = grid.times.indices.contains(index) ? index : nil
        }
        state.cursor = BookCursor(provider: grid.columns[column].provider.id, time: grid.times[target ?? row])
    }

    /// Moves the cursor to the next or previous provider's column at the same time.
    static func moveColumn(_ state: inout ScheduleState, by step: Int, now: LocalDateTime) -> String? {
        guard let grid = grid(state, now: now), let (column, row) = position(state, grid, now: now) else {
            return "There are no providers to move between on this day."
        }
        let next = column + step
        guard grid.columns.indices.contains(next) else {
            return step > 0 ? "This is the last provider of the day." : "This is the first provider of the day."
        }
        state.cursor = BookCursor(provider: grid.columns[next].provider.id, time: state.cursor.time ?? grid.times[row])
        return nil
    }

    /// Free slots with the waitlist entries that fit them (for "2 waiting" and offers).
    public static func fitting(_ state: ScheduleState, _ slot: BookSlot) -> [WaitlistEntry] {
        state.waitlist.filter { $0.fits(provider: slot.provider.id, start: slot.start) }
    }

    /// The appointments of the day whose patient is booked with two providers at once (found
    /// when devices synced): each is marked as a clash in its own provider's column.
    public static func patientClashes(_ book: AppointmentBook) -> Set<EntityID<Appointment>> {
        Set(BookingClash.all(in: book.entries.map(\.appointment)).filter { $0.kind == .patient }.flatMap { [$0.earlier, $0.later] })
    }
}
