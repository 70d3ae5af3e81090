public import ClinicCore
public import TerminalKit

/// What can happen in the queue pane.
public enum QueueAction: Hashable, Sendable {
    case openSelected
    case move(ListMove)
    case filter(FilterCommand)
    case filterTyped(TextEdit)
    case toggleScope
    case callNext
    case callSelected
    case uncall
    case start
    case finish
    case sendOn
    case setPriority
    case markLeft
    case leftConfirmed(EntityID<Visit>, name: String)
    case setDefaultRoom
    case triage
    case writeNote
    case viewNotes
    case bill
    // The room dialog and the choice dialog.
    case roomTyped(TextEdit)
    case roomForm(FormCommand)
    case choiceMoved(ListMove)
    case choiceAnswered(DialogCommand)
    // Answers.
    case loaded(QueueDay)
    case contextLoaded(me: Provider?, providers: [Provider], stations: [Station])
    /// Reread the day's visits and who the user is (their provider, the providers and stations to send on to).
    case refresh
    /// Reread only the day's visits: another terminal's commit touched visits or patients but not
    /// providers, users or stations (every terminal does this on every check-in, so it reads no more than it must).
    case refreshVisits
    /// Check a patient in without an appointment (asked for by another pane through the root).
    case checkInWalkIn(PatientRef)
    case wrote(String)
    case defaultRoomSet(String?)
    case failed(DeskError)
    case delegate(QueueDelegate)
}

/// What the queue tells the root.
public enum QueueDelegate: Hashable, Sendable {
    case openPatient(EntityID<Patient>)
    case storeWritten
    /// Triage, a note, or the notes of this visit: the consultation feature does them.
    case triage(VisitRef)
    case writeNote(VisitRef)
    case viewNotes(VisitRef)
    /// The visit's invoice: billing opens it.
    case bill(VisitRef)
    /// The user's default room changed; the session keeps it.
    case defaultRoomChanged(String?)
}

/// A visit named for dialogs: ticket, patient and MRN.
public struct VisitRef: Hashable, Sendable {
    public var visitID: EntityID<Visit>
    public var patient: PatientRef
    public var ticket: Int
    public var priority: QueuePriority

    public init(visitID: EntityID<Visit>, patient: PatientRef, ticket: Int, priority: QueuePriority) {
        self.visitID = visitID
        self.patient = patient
        self.ticket = ticket
        self.priority = priority
    }

    /// `ticket 4 · García, José · RVC-000002`.
    public var title: String { "ticket \(ticket) · \(patient.title)" }
}
