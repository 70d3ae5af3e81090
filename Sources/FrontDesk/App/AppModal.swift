public import TerminalKit

/// One layer of the modal stack: keys go to the top one, drawing goes bottom-up.
public enum AppModal: Hashable, Sendable {
    /// The help overlay, listing the keys of the layer beneath.
    case help(HelpOverlayState)
    /// A yes/no question; "yes" sends its action.
    case confirm(Confirmation<AppAction>)
    /// One of patient lookup's dialogs.
    case patients(PatientsModal)
    /// One of the schedule's dialogs (a day, a provider, an appointment's history).
    case schedule(ScheduleModal)
    /// A step of booking, moving, cancelling or an offer.
    case booking(BookingModal)
    /// One of the queue's dialogs.
    case queue(QueueModal)
    /// Triage, a note, or a visit's record.
    case consultation(ConsultationModal)
    /// The providers screen, or one of its dialogs.
    case providers(ProvidersModal)
    /// The staff screen, or one of its dialogs.
    case staff(StaffModal)
    case billing(BillingModal)
    /// Writing, correcting or cancelling a prescription.
    case prescriptions(PrescriptionsModal)
}
