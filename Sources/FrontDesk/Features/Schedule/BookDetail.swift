import ClinicCore
import TerminalKit

/// The book's last row: the selected slot in full words, what the keys do with it, and while
/// moving, how to finish.
enum BookDetail {
    static func line(_ state: ScheduleState, session: Session, hints: KeyHints, grid: BookGrid? = nil,
                     patientClashes: Set<EntityID<Appointment>>? = nil) -> (text: String, scope: Scope) {
        if let moving = state.moving {
            let from = "\(DayText.moment(moving.appointment.start, today: session.today)) with \(moving.providerName)"
            let keys = hints.line([("schedule.open", "moves it to the selected slot"), ("schedule.back", "stops")])
            return ("Moving \(moving.patientName) (\(from)): \(keys)", "schedule.moving")
        }
        guard let selection = ScheduleFeature.selection(state, now: session.localNow, prebuilt: grid) else { return ("", .hint) }
        let name = selection.column.provider.displayName
        guard let slot = selection.slot else {
            if let off = selection.column.dayOff { return ("\(name): \(off)", "schedule.leave") }
            return ("\(name) does not work at \(selection.time)" + (selection.column.hours.map { " (hours \($0))" } ?? ""), .hint)
        }
        let end = ClockTime(minuteOfDay: min(1439, slot.start.minuteOfDay + slot.minutes)).map { "–\($0)" } ?? ""
        let when = "\(slot.start)\(end) \(name)"
        switch slot.state {
        case .free:
            var text = "\(when): free"
            if let key = hints.key("schedule.book") { text += " · \(key) books it" }
            if let bookSlot = selection.bookSlot {
                let waiting = ScheduleFeature.fitting(state, bookSlot).count
                if waiting > 0 {
                    text += " · \(waiting) on the waitlist fit it" + (hints.key("schedule.offer").map { " (\($0) offers it)" } ?? "")
                }
            }
            return (text, "schedule.free")
        case .past: return ("\(when): passed", .hint)
        case let .pause(label): return ("\(when): \(label) (break)", "schedule.break")
        case .booked:
            let clashes = patientClashes ?? state.book.map(ScheduleFeature.patientClashes) ?? []
            return booked(selection, state.book, clashes: clashes, when: when, hints: hints)
        }
    }

    private static func booked(_ selection: BookSelection, _ book: AppointmentBook?, clashes: Set<EntityID<Appointment>>,
                               when: String, hints: KeyHints) -> (text: String, scope: Scope) {
        guard let slot = selection.slot, let booking = SlotBooking(slot.state) else { return (when, .text) }
        switch booking {
        case let .one(appointment) where clashes.contains(appointment.id):
            let entry = selection.entries.first
            let others = book?.entries.filter {
                $0.id != appointment.id && $0.appointment.patientID == appointment.patientID
                    && BookingClash($0.appointment, appointment) != nil
            }.map { "\($0.providerName) at \($0.appointment.start.time)" } ?? []
            let move = hints.key("schedule.move").map { " (\($0))" } ?? ""
            return ("\(when) · CLASH: \(entry?.patientName ?? "the patient") is also booked with \(others.joined(separator: ", ")) — move one\(move)",
                    "schedule.clash")
        case let .one(appointment):
            let entry = selection.entries.first
            var parts = [when, "\(entry?.patientName ?? "a patient") \(entry?.patientMRN.description ?? "")",
                         StatusWords.appointment(appointment.status),
                         "\(StatusWords.kind(appointment.kind)), \(StatusWords.mode(appointment.mode))"]
            if !appointment.reason.isEmpty { parts.append("“\(appointment.reason)”") }
            if let reason = appointment.overbookReason { parts.append("overbooked: \(reason)") }
            return (parts.joined(separator: " · "), ScheduleView.statusScope(appointment.status))
        case let .overbooked(appointments), let .clash(appointments):
            let names = selection.entries.map { "\($0.patientName) (\(StatusWords.appointment($0.appointment.status)))" }
                .joined(separator: "; ")
            if case .clash = booking {
                let move = hints.key("schedule.move").map { " (\($0))" } ?? ""
                return ("\(when) · CLASH: \(appointments.count) booked at once, found when devices synced: \(names) — move one\(move)",
                        "schedule.clash")
            }
            let reasons = appointments.compactMap(\.overbookReason).joined(separator: "; ")
            return ("\(when) · \(appointments.count) booked (overbooked: \(reasons)): \(names)", "schedule.overbooked")
        }
    }
}
