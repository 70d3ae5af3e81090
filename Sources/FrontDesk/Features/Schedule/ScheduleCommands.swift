import ClinicCore
import TerminalKit

/// The appointment book's commands, with why each cannot run now.
extension ScheduleFeature {
    public static let commands: [CommandSpec<ScheduleState, ScheduleAction>] = navigation + onSlots + onAppointments + onWaitlist

    static let navigation: [CommandSpec<ScheduleState, ScheduleAction>] = [
        CommandSpec("schedule.previous-day", "Show the previous day", contexts: [context], action: .previousDay),
        CommandSpec("schedule.next-day", "Show the next day", contexts: [context], action: .nextDay),
        CommandSpec("schedule.previous-week", "A week back (the same weekday, or the week before)", contexts: [context],
                    action: .previousWeek),
        CommandSpec("schedule.next-week", "A week on (the same weekday, or the week after)", contexts: [context], action: .nextWeek),
        CommandSpec("schedule.today", "Back to today", contexts: [context], action: .today),
        CommandSpec("schedule.go-to-date", "Go to a day typed (24/12, tomorrow, fri, +2w)", contexts: [context], action: .chooseDate),
        CommandSpec("schedule.previous-provider", "Move to the provider on the left", contexts: [context], action: .previousProvider,
                    disabledReason: { state, _ in dayOnly(state) }),
        CommandSpec("schedule.next-provider", "Move to the provider on the right", contexts: [context], action: .nextProvider,
                    disabledReason: { state, _ in dayOnly(state) }),
        CommandSpec("schedule.providers", "Show one provider alone, or all side by side", contexts: [context],
                    action: .chooseProvider, disabledReason: { state, _ in state.book == nil ? "The day is still being read." : nil }),
        CommandSpec("schedule.week", "The selected provider's week: free and booked per day (again: back to the day)",
                    contexts: [context], action: .toggleWeek,
                    disabledReason: { state, _ in state.mode == .waitlist ? "Leave the waitlist first." : nil }),
        CommandSpec("schedule.waitlist", "Show the waitlist (again: back to the day)", contexts: [context], action: .toggleWaitlist),
        CommandSpec("schedule.back", "Stop moving an appointment; leave the week or the waitlist; show every provider again",
                    contexts: [context], action: .back,
                    disabledReason: { state, _ in
                        state.moving == nil && state.mode == .day && !state.columnFilter.narrows
                            ? "Nothing to go back from: this is the day's book." : nil
                    }),
        CommandSpec("schedule.open", "Open the booked patient's card, book a free slot, or open the week's day", contexts: [context],
                    action: .openSelected, disabledReason: { state, session in openRefusal(state, session) }),
    ]

    static let onSlots: [CommandSpec<ScheduleState, ScheduleAction>] = [
        CommandSpec("schedule.book", "Book the selected slot for a patient", contexts: [context], action: .bookSelected,
                    disabledReason: { state, session in bookRefusal(state, session) }),
        CommandSpec("schedule.book-series", "Book a recurring series starting at the selected slot", contexts: [context],
                    action: .bookSeriesSelected, disabledReason: { state, session in bookRefusal(state, session) }),
        CommandSpec("schedule.offer", "Offer the selected free slot to the waitlist patients it suits", contexts: [context],
                    action: .offerSelected, disabledReason: { state, session in offerRefusal(state, session) }),
    ]

    static let onAppointments: [CommandSpec<ScheduleState, ScheduleAction>] = [
        CommandSpec("schedule.move", "Move the selected appointment to another time or provider", contexts: [context],
                    action: .onAppointment(.move),
                    disabledReason: { state, session in
                        session.refusal(.bookAppointment) ?? appointmentRefusal(state, session, allowed: [.booked, .confirmed], doing: "moved")
                    }),
        CommandSpec("schedule.cancel", "Cancel the selected appointment, with a reason", contexts: [context],
                    action: .onAppointment(.cancel),
                    disabledReason: { state, session in
                        session.refusal(.bookAppointment)
                            ?? appointmentRefusal(state, session, allowed: [.booked, .confirmed], doing: "cancelled")
                    }),
        CommandSpec("schedule.no-show", "Record that the selected patient did not come", contexts: [context],
                    action: .onAppointment(.noShow), disabledReason: { state, session in noShowRefusal(state, session) }),
        CommandSpec("schedule.confirm", "Mark the selected appointment confirmed (after a reminder call)", contexts: [context],
                    action: .onAppointment(.confirm),
                    disabledReason: { state, session in
                        session.refusal(.bookAppointment) ?? appointmentRefusal(state, session, allowed: [.booked], doing: "confirmed")
                    }),
        CommandSpec("schedule.check-in", "Check in the selected appointment", contexts: [context], action: .onAppointment(.checkIn),
                    disabledReason: { state, session in session.refusal(.checkIn) ?? checkInRefusal(state, session) }),
        CommandSpec("schedule.history", "What was done to the selected appointment, by whom and when", contexts: [context],
                    action: .onAppointment(.history),
                    disabledReason: { state, session in appointmentRefusal(state, session, allowed: nil, doing: "shown") }),
        CommandSpec("schedule.follow-up", "Book a follow-up for the selected appointment's patient", contexts: [context],
                    action: .onAppointment(.followUp),
                    disabledReason: { state, session in
                        session.refusal(.bookAppointment) ?? appointmentRefusal(state, session, allowed: nil, doing: "followed up")
                    }),
    ]

    static let onWaitlist: [CommandSpec<ScheduleState, ScheduleAction>] = [
        CommandSpec("schedule.waitlist-add", "Add a patient to the waitlist", contexts: [context], action: .addToWaitlist,
                    disabledReason: { state, session in session.refusal(.bookAppointment) ?? (state.mode == .week ? "Leave the week view first." : nil) }),
        CommandSpec("schedule.waitlist-withdraw", "Take the selected patient off the waitlist, with a reason", contexts: [context],
                    action: .withdrawFromWaitlist,
                    disabledReason: { state, session in session.refusal(.bookAppointment) ?? waitlistRefusal(state, session) }),
        CommandSpec("schedule.waitlist-book", "Book the selected waitlist patient: their provider's next free slots", contexts: [context],
                    action: .bookFromWaitlist,
                    disabledReason: { state, session in session.refusal(.bookAppointment) ?? waitlistRefusal(state, session) }),
    ]

    static func dayOnly(_ state: ScheduleState) -> String? {
        switch state.mode {
        case .day: nil
        case .week: "The week view is a summary of one provider; Enter opens the selected day."
        case .waitlist: "The waitlist is showing; go back to the day first."
        }
    }

    static func openRefusal(_ state: ScheduleState, _ session: Session) -> String? {
        switch state.mode {
        case .week: return state.week?.summary == nil ? "The week is still being read." : nil
        case .waitlist: return selectedWaitlistEntry(state, session) == nil ? "Select a waitlist entry first." : nil
        case .day:
            if state.moving != nil { return bookRefusal(state, session, moving: true) }
            guard let selection = selection(state, now: session.localNow) else { return "The day is still being read." }
            return selection.entries.isEmpty ? bookRefusal(state, session) : nil
        }
    }

    /// Why the selected slot cannot be booked (or moved into) now.
    static func bookRefusal(_ state: ScheduleState, _ session: Session, moving: Bool = false) -> String? {
        if let refusal = session.refusal(.bookAppointment) ?? dayOnly(state) { return refusal }
        guard let selection = selection(state, now: session.localNow) else { return "The day is still being read." }
        let name = selection.column.provider.displayName
        guard let slot = selection.slot else {
            if let off = selection.column.dayOff { return "\(name) is not working on this day (\(off))." }
            return "\(name) does not work at \(selection.time)."
                + (selection.column.hours.map { " Hours are \($0)." } ?? "")
        }
        if moving, let appointment = state.moving?.appointment, appointment.providerID == selection.column.provider.id,
           appointment.start == LocalDateTime(date: selection.date, time: slot.start) {
            return "That is where the appointment is now; choose another slot, or Esc to stop moving."
        }
        if slot.state == .free { return nil }
        guard !session.may(.overbook) else { return nil }
        let why = switch slot.state {
        case .booked: "is already booked"
        case let .pause(label): "is during \(name)'s break (\(label))"
        case .past: "has already passed"
        case .free: ""
        }
        let doing = moving ? "moving the appointment there" : "booking it"
        return "That slot \(why); \(doing) would be an overbook, which only a doctor or an admin may do. Choose a free slot."
    }

    static func offerRefusal(_ state: ScheduleState, _ session: Session) -> String? {
        if let refusal = session.refusal(.bookAppointment) ?? dayOnly(state) { return refusal }
        guard let selection = selection(state, now: session.localNow), let slot = selection.bookSlot,
              selection.slot?.state == .free else { return "Select a free slot to offer." }
        return fitting(state, slot).isEmpty ? "Nobody on the waitlist fits \(DayText.moment(slot.start, today: session.today)) with \(slot.provider.displayName)." : nil
    }

    /// Why the appointment under the cursor cannot be `doing` now (nil statuses: any).
    static func appointmentRefusal(_ state: ScheduleState, _ session: Session, allowed: Set<AppointmentStatus>?, doing: String) -> String? {
        if let refusal = dayOnly(state) { return refusal }
        guard let selection = selection(state, now: session.localNow) else { return "The day is still being read." }
        guard !selection.entries.isEmpty else { return "Select a booked slot first: this one has no appointment." }
        guard let allowed else { return nil }
        guard selection.entries.contains(where: { allowed.contains($0.appointment.status) }) else {
            let entry = selection.entries[0]
            let words = allowed.map(StatusWords.appointment).sorted().joined(separator: " or ")
            return "\(entry.patientName)'s appointment is \(StatusWords.appointment(entry.appointment.status)); only \(words) ones can be \(doing)."
        }
        return nil
    }

    static func noShowRefusal(_ state: ScheduleState, _ session: Session) -> String? {
        if let refusal = session.refusal(.bookAppointment) ?? appointmentRefusal(state, session, allowed: [.booked, .confirmed], doing: "marked as no-shows") {
            return refusal
        }
        guard let entry = selection(state, now: session.localNow)?.entries.first else { return nil }
        return entry.appointment.start > session.localNow
            ? "A no-show can only be recorded once the appointment's time has come (\(DayText.moment(entry.appointment.start, today: session.today)))."
            : nil
    }

    /// Why the appointment under the cursor cannot be checked in now.
    static func checkInRefusal(_ state: ScheduleState, _ session: Session) -> String? {
        if let refusal = dayOnly(state) { return refusal }
        guard let selection = selection(state, now: session.localNow), let entry = selection.entries.first else {
            return "Select an appointment to check in."
        }
        guard entry.appointment.start.date == session.today else { return "Only today's appointments can be checked in." }
        guard selection.entries.contains(where: { AppointmentStatusMachine.canMove(from: $0.appointment.status, to: .checkedIn) }) else {
            return "\(entry.patientName) is \(StatusWords.appointment(entry.appointment.status)); only booked or confirmed appointments can be checked in."
        }
        return nil
    }

    static func waitlistRefusal(_ state: ScheduleState, _ session: Session) -> String? {
        guard state.mode == .waitlist else { return "Show the waitlist first." }
        return selectedWaitlistEntry(state, session) == nil ? "Select a waitlist entry first." : nil
    }
}
