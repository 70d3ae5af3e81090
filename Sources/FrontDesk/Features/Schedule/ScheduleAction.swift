public import ClinicCore
public import TerminalKit

/// What can happen in the appointment book.
public enum ScheduleAction: Hashable, Sendable {
    case previousDay
    case nextDay
    case previousWeek
    case nextWeek
    case today
    case previousProvider
    case nextProvider
    case move(ListMove)
    case filter(FilterCommand)
    case filterTyped(TextEdit)
    case toggleWeek
    case toggleWaitlist
    /// Leaves moving, the week or the waitlist, back to the day.
    case back
    case chooseDate
    case dateTyped(TextEdit)
    case dateForm(FormCommand)
    case chooseProvider
    case dialogMoved(ListMove)
    case dialogAnswered(DialogCommand)
    /// Enter: the patient of a booked slot, booking a free one, the day of the week view.
    case openSelected
    case bookSelected
    case bookSeriesSelected
    case offerSelected
    /// An action on the appointment under the cursor (asks which when the slot holds several).
    case onAppointment(WhichPurpose)
    /// The action on that appointment.
    case act(WhichPurpose, ScheduleEntry)
    /// Puts the appointment being moved into the slot under the cursor.
    case moveHere
    case addToWaitlist
    case withdrawFromWaitlist
    case bookFromWaitlist
    case loaded(CalendarDate, AppointmentBook)
    case waitlistLoaded([WaitlistEntry])
    case weekLoaded(EntityID<Provider>, CalendarDate, ProviderDay)
    case historyLoaded(ScheduleEntry, [AuditEvent])
    case checkedIn(String)
    case failed(DeskError)
    /// Read the day again; `newDay` moves a pane that showed yesterday's "today" to the new today.
    case refresh(newDay: Bool)
    case delegate(ScheduleDelegate)
}

/// What the schedule tells the root.
public enum ScheduleDelegate: Hashable, Sendable {
    case openPatient(EntityID<Patient>)
    case storeWritten
    /// Book this slot for a patient still to be chosen (a series when `series`).
    case book(BookSlot, series: Bool)
    /// Move this appointment to that slot.
    case moveAppointment(ScheduleEntry, to: BookSlot)
    case cancel(ScheduleEntry)
    case noShow(ScheduleEntry)
    case confirm(ScheduleEntry)
    case followUp(ScheduleEntry)
    /// Offer a free slot to the waitlist entries that fit it.
    case offer(BookSlot, [WaitlistEntry])
    /// Add a patient still to be chosen to the waitlist (for this provider, when given).
    case addToWaitlist(Provider?)
    case withdraw(WaitlistEntry)
    case bookFromWaitlist(WaitlistEntry)
}
