/// A day of the appointment book as a grid: one column per provider, one row per time at which
/// any of them has a slot, each cell what that provider's slot holds. Appointments off the slot
/// grid (an overbook after hours, a booking on a day later covered by leave) get rows of their
/// own, so nothing booked is ever left off the book.
public struct BookGrid: Hashable, Sendable {
    /// One provider's day.
    public struct Column: Hashable, Sendable {
        public var provider: Provider
        /// Why the provider does not work that day, in words ("leave: conference"); nil when working.
        public var dayOff: String?
        /// The working hours, when working.
        public var hours: TimeRange?
        /// Free slots left.
        public var freeCount: Int
        /// The slots of the day in order, with any appointments off the slot grid among them.
        public var slots: [DaySlot]
        /// For each row of the grid, the slot shown there.
        public var cells: [Cell]
    }

    /// What a column shows on a row.
    public enum Cell: Hashable, Sendable {
        /// A slot starting at this row (its index in the column's slots).
        case slot(Int)
        /// Inside a slot that started on an earlier row (its index).
        case continues(Int)
        /// Outside the provider's hours.
        case outside
    }

    public var date: CalendarDate
    public var columns: [Column]
    /// The rows: every slot start of any column, in order.
    public var times: [ClockTime]

    public init(_ book: AppointmentBook, now: LocalDateTime) {
        date = book.date
        var built: [(Provider, String?, TimeRange?, [DaySlot])] = []
        for day in book.days {
            let slots = Self.slots(day, on: book.date, now: now)
            built.append((day.provider, day.dayOff(on: book.date), day.hours(on: book.date)?.hours, slots))
        }
        times = Array(Set(built.flatMap { $0.3.map(\.start) })).sorted()
        let times = times
        columns = built.map { provider, off, hours, slots in
            Column(provider: provider, dayOff: off, hours: hours, freeCount: slots.filter { $0.state == .free }.count,
                   slots: slots, cells: Self.cells(slots, times: times))
        }
    }

    /// The slot a column shows on a row (the one starting there or covering it).
    public func slot(column: Int, row: Int) -> DaySlot? {
        guard columns.indices.contains(column), times.indices.contains(row) else { return nil }
        switch columns[column].cells[row] {
        case let .slot(index), let .continues(index): return columns[column].slots[index]
        case .outside: return nil
        }
    }

    /// The row where the slot shown on `row` starts.
    public func startRow(column: Int, row: Int) -> Int? {
        guard let slot = slot(column: column, row: row) else { return nil }
        return times.firstIndex(of: slot.start)
    }

    /// The provider's slots on the day, with appointments the slots do not show added where
    /// they start (marked booked), so an overbook outside the hours is on the book too.
    static func slots(_ day: ProviderDay, on date: CalendarDate, now: LocalDateTime) -> [DaySlot] {
        var slots = Availability.slots(day, on: date, now: now)
        let shown = Set(slots.flatMap { slot -> [EntityID<Appointment>] in
            if case let .booked(appointments) = slot.state { return appointments.map(\.id) }
            return []
        })
        let unshown = day.appointments.filter { $0.start.date == date && BookingRules.holdsTime($0) && !shown.contains($0.id) }
        for (time, group) in Dictionary(grouping: unshown, by: { $0.start.time }) {
            let sorted = group.sorted { $0.id < $1.id }
            slots.append(DaySlot(start: time, minutes: sorted.map(\.minutes).max() ?? 5, state: .booked(sorted)))
        }
        return slots.sorted { $0.start < $1.start }
    }

    private static func cells(_ slots: [DaySlot], times: [ClockTime]) -> [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(times.count)
        var current: Int?
        var next = 0
        for time in times {
            if next < slots.count, slots[next].start == time {
                current = next
                cells.append(.slot(next))
                next += 1
                // Two slots may start at one time (an appointment off the grid at a slot's start).
                while next < slots.count, slots[next].start == time { next += 1 }
            } else if let index = current, time.minuteOfDay < slots[index].start.minuteOfDay + slots[index].minutes {
                cells.append(.continues(index))
            } else {
                current = nil
                cells.append(.outside)
            }
        }
        return cells
    }
}

/// What a booked slot holds: one appointment, an intended overbook (every later one has an
/// overbook reason), or a clash nobody meant (two devices booked the slot offline) to settle by
/// moving one.
public enum SlotBooking: Hashable, Sendable {
    case one(Appointment)
    case overbooked([Appointment])
    case clash([Appointment])

    public init?(_ state: SlotState) {
        guard case let .booked(booked) = state else { return nil }
        let appointments = booked.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        guard let first = appointments.first else { return nil }
        if appointments.count == 1 {
            self = .one(first)
        } else if appointments.dropFirst().allSatisfy({ $0.overbookReason != nil }) {
            self = .overbooked(appointments)
        } else {
            self = .clash(appointments)
        }
    }

    /// Every appointment in the slot, earliest first.
    public var appointments: [Appointment] {
        switch self {
        case let .one(appointment): [appointment]
        case let .overbooked(appointments), let .clash(appointments): appointments
        }
    }
}
