public import ClinicCore
public import TerminalKit

/// What can happen while booking, moving, cancelling and offering slots.
public enum BookingAction: Hashable, Sendable {
    // Starting points, sent by the root.
    /// Book a slot; the patient is chosen in patient lookup next.
    case bookSlot(BookSlot, series: Bool)
    /// Book for a patient: provider, then the next free slots.
    case bookFor(PatientRef)
    /// A follow-up for a patient (after this appointment, when known).
    case followUp(PatientRef, ScheduleEntry?)
    case addToWaitlist(PatientRef?, Provider?)
    case bookFromWaitlist(WaitlistEntry)
    case withdraw(WaitlistEntry)
    case move(ScheduleEntry, to: BookSlot)
    case cancel(ScheduleEntry)
    case noShow(ScheduleEntry)
    case confirm(ScheduleEntry)
    case offer(BookSlot, [WaitlistEntry])
    /// The patient chosen in patient lookup for what was waiting (nil: choosing was stopped).
    case patientChosen(PatientRef?)

    // Inside the dialogs.
    case typed(TextEdit)
    case form(FormCommand)
    case moved(ListMove)
    case answered(DialogCommand)
    case slotsFromDate

    // Answers to confirmations.
    case moveConfirmed(ScheduleEntry, BookSlot)
    case cancelConfirmed(ScheduleEntry, reason: String, series: Bool)
    case changeConfirmed(ScheduleEntry, AppointmentTransition)
    case seriesConfirmed(SeriesPlan, [LocalDateTime])

    /// Read the providers again (after another terminal's change).
    case refresh

    // Answers from the store.
    case providerList([Provider])
    case providersLoaded(PatientRef, BookingPurpose, from: CalendarDate, [Provider], usual: EntityID<Provider>?)
    case slotsLoaded(SlotChoice, [LocalDateTime])
    case seriesChecked(BookingDraft, RecurrenceRule, [SeriesOccurrence])
    case alternativesFound(SeriesPlan)
    /// A write succeeded: its message, and the slot it freed (to offer to the waitlist).
    case wrote(String, freed: BookSlot?)
    /// A series was booked: its form and the details under it close.
    case seriesBooked(String)
    case freedSlotFits(BookSlot, [WaitlistEntry])
    case bookingFailed(BookingDraft, DeskError)
    case moveFailed(ScheduleEntry, BookSlot, DeskError)
    case failed(DeskError)
    case delegate(BookingDelegate)
}

/// What booking tells the root.
public enum BookingDelegate: Hashable, Sendable {
    /// Choose a patient in patient lookup for this.
    case choosePatient(AwaitingPatient)
    case storeWritten
}
