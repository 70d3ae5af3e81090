public import ClinicCore
public import TerminalKit

/// What can happen in patient lookup.
public enum PatientsAction: Hashable, Sendable {
    // The search box and its results.
    case queryEdited(TextEdit)
    case clearQuery
    case openSelected
    case recallLast
    case startRegistration
    case checkInSelected
    case editSelected
    case move(ListMove)
    case filterRefused
    /// Book this patient (the selected one, or the card's).
    case bookSelected
    case bookCard
    case followUpCard
    case waitlistCard
    case prescribeCard
    case billCard
    /// Choose a patient for another pane: the next card opened is the one chosen.
    case choose(prompt: String)
    case stopChoosing
    // The card.
    /// Opens a patient's card (also asked for by other panes through the root).
    case open(EntityID<Patient>)
    case closeCard
    case editCard
    case checkInCard
    // The form.
    case formTyped(TextEdit)
    case form(FormCommand)
    case discardConfirmed
    // The duplicate-check dialog.
    case duplicates(DuplicatesCommand)
    case duplicatesMoved(ListMove)
    case reasonTyped(TextEdit)
    // The edit-conflict dialog.
    case conflict(ConflictCommand)
    case conflictMoved(ListMove)
    // Allergies, from the card.
    case addAllergy
    case noKnownAllergies
    case noKnownAllergiesConfirmed(EntityID<Patient>)
    case allergiesUnableToAsk
    case retractAllergy
    case allergyTyped(TextEdit)
    case allergyForm(FormCommand)
    case retractMoved(ListMove)
    case retractAnswered(DialogCommand)
    case allergyWritten(String)
    // Medicines from elsewhere, from the card.
    case addMedicine
    case stopMedicine
    case medicineTyped(TextEdit)
    case medicineForm(FormCommand)
    case stopMoved(ListMove)
    case stopAnswered(DialogCommand)
    case medicineWritten(String)
    // Answers from the world.
    case searchLoaded(query: String, [PatientSummary])
    case recentLoaded([PatientSummary])
    case cardLoaded(EntityID<Patient>, PatientCard?)
    case duplicatesChecked(PatientDetails, [DuplicateCandidate])
    case saved(Patient, created: Bool)
    case saveFailed(DeskError)
    case loadFailed(String)
    /// Read everything shown again (another terminal wrote, or the user asked).
    case refresh
    case delegate(PatientsDelegate)
}

/// Answers in the duplicate-check dialog.
public enum DuplicatesCommand: Hashable, Sendable {
    /// Use the highlighted existing patient (or, once a reason is asked for, register with it).
    case use
    /// Register a new patient anyway: asks for the reason first.
    case registerAnyway
    /// Back: from the reason to the list, from the list to the form.
    case back
}

/// Answers in the edit-conflict dialog.
public enum ConflictCommand: Hashable, Sendable {
    case keepMine
    case takeTheirs
    case save
    case back
}

/// What patient lookup tells the root.
public enum PatientsDelegate: Hashable, Sendable {
    /// Check this patient in as a walk-in (the queue does it).
    case checkInWalkIn(PatientRef)
    /// Something was written: every pane should read again.
    case storeWritten
    /// Book an appointment for this patient.
    case book(PatientRef)
    case followUp(PatientRef)
    case addToWaitlist(PatientRef)
    /// Write a prescription for this patient (the prescriptions pane does it).
    case prescribe(PatientRef)
    /// Open an invoice for this patient at the desk (a purchase without a visit).
    case bill(PatientRef)
    /// The patient chosen for what another pane asked (nil: choosing was stopped).
    case chosen(PatientRef?)
}
