public import ClinicCore
public import TerminalKit

/// Booking in progress: the providers to choose from and, while patient lookup is used to
/// choose the patient, what the booking is for. The steps themselves are dialogs.
public struct BookingState: Hashable, Sendable {
    public var providers: [Provider] = []
    /// A booking waiting for its patient to be chosen in patient lookup.
    public var awaiting: AwaitingPatient?

    public init() {}
}

/// What is waiting for a patient chosen in patient lookup.
public enum AwaitingPatient: Hashable, Sendable {
    /// Book this slot.
    case slot(BookSlot)
    /// Book a series from this slot.
    case series(BookSlot)
    /// Put the patient on the waitlist (for this provider, when given).
    case waitlist(Provider?)

    /// What patient lookup says while the patient is chosen.
    public func prompt(today: CalendarDate) -> String {
        switch self {
        case let .slot(slot): "Choose the patient to book with \(slot.title(today: today))"
        case let .series(slot): "Choose the patient for a series from \(slot.title(today: today))"
        case .waitlist: "Choose the patient to put on the waitlist"
        }
    }
}

/// What saving a booking does besides booking.
public enum BookingPurpose: Hashable, Sendable {
    case book
    /// A follow-up, linked to the earlier appointment when there is one.
    case followUp(ScheduleEntry?)
    /// Booked from the waitlist: the entry is closed.
    case waitlist(WaitlistEntry)
    /// The first appointment of a series: the rule is asked next.
    case series
}

/// A booking being confirmed: who, with whom, when, and its details.
public struct BookingDraft: Hashable, Sendable {
    public var patient: PatientRef
    public var slot: BookSlot
    public var purpose: BookingPurpose
    public var kind: AppointmentKind
    public var mode: AppointmentMode
    public var reason: String

    public init(patient: PatientRef, slot: BookSlot, purpose: BookingPurpose, kind: AppointmentKind = .new,
                mode: AppointmentMode = .inPerson, reason: String = "") {
        self.patient = patient
        self.slot = slot
        self.purpose = purpose
        self.kind = kind
        self.mode = mode
        self.reason = reason
    }

    /// The store's request for this draft.
    public func request(overbookReason: String? = nil) -> BookingRequest {
        var request = BookingRequest(patientID: patient.id, providerID: slot.provider.id, start: slot.start, minutes: slot.minutes,
                                     kind: kind, mode: mode, reason: reason, acceptingProblems: overbookReason != nil)
        request.overbookReason = overbookReason ?? ""
        if case let .waitlist(entry) = purpose { request.waitlistEntry = entry.id }
        return request
    }
}

/// The next free slots of one provider for one patient, from a day.
public struct SlotChoice: Hashable, Sendable {
    public var patient: PatientRef
    public var provider: Provider
    public var purpose: BookingPurpose
    public var from: CalendarDate
    public var slots: [LocalDateTime] = []
    public var dialog: ChoiceDialog

    public init(patient: PatientRef, provider: Provider, purpose: BookingPurpose, from: CalendarDate) {
        self.patient = patient
        self.provider = provider
        self.purpose = purpose
        self.from = from
        dialog = ChoiceDialog(title: "Free with \(provider.displayName)", message: "Looking for free slots…", options: [])
    }
}

/// A series about to be booked: the starts, and for the ones with problems what is wrong and,
/// once looked for, the nearest free slot instead.
public struct SeriesPlan: Hashable, Sendable {
    public var draft: BookingDraft
    public var rule: RecurrenceRule
    public var occurrences: [SeriesOccurrence]
    /// Nearest free slot for each occurrence with problems, by its start (nil: none found).
    public var alternatives: [LocalDateTime: LocalDateTime?] = [:]

    public init(draft: BookingDraft, rule: RecurrenceRule, occurrences: [SeriesOccurrence]) {
        self.draft = draft
        self.rule = rule
        self.occurrences = occurrences
    }

    public var clean: [LocalDateTime] { occurrences.filter(\.problems.isEmpty).map(\.start) }
    public var troubled: [SeriesOccurrence] { occurrences.filter { !$0.problems.isEmpty } }
}

/// Who cancelled.
public enum CancelKind: String, Hashable, Sendable, CaseIterable {
    case byPatient = "by the patient"
    case byClinic = "by the clinic"
    case other
}

/// Something waiting for an overbook reason.
public enum OverbookPending: Hashable, Sendable {
    case booking(BookingDraft)
    case move(ScheduleEntry, BookSlot)
}

/// The booking dialogs, one step each.
public enum BookingModal: Hashable, Sendable {
    /// Which provider, for a patient.
    case provider(PatientRef, BookingPurpose, from: CalendarDate, [Provider], ChoiceDialog)
    /// Which of the provider's next free slots.
    case slots(SlotChoice)
    /// From which day to list free slots.
    case slotsFrom(SlotChoice, FormDialog)
    /// The booking's details, to confirm.
    case details(BookingDraft, FormDialog)
    /// The slot has problems: why book it anyway.
    case overbook(OverbookPending, [BookingProblem], FormDialog)
    /// How a series repeats.
    case series(BookingDraft, FormDialog)
    /// Occurrences of a series with problems: skip them, take the nearest free slots, or go back.
    case seriesProblems(SeriesPlan, ChoiceDialog)
    /// Who cancelled.
    case cancelReason(ScheduleEntry, ChoiceDialog)
    /// The words of an "other" reason.
    case cancelText(ScheduleEntry, FormDialog)
    /// This appointment of a series only, or it and the later ones.
    case cancelScope(ScheduleEntry, reason: String, ChoiceDialog)
    /// Putting a patient on the waitlist.
    case waitlistAdd(PatientRef, FormDialog)
    /// A freed slot, offered to the waitlist entries that fit it.
    case offer(BookSlot, [WaitlistEntry], ChoiceDialog)
    /// Why an entry leaves the waitlist.
    case withdraw(WaitlistEntry, FormDialog)
    /// In how long the follow-up is.
    case followUpWhen(PatientRef, ScheduleEntry?, FormDialog)
}
