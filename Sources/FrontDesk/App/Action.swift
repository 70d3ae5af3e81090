public import ClinicCore
public import Foundation
public import TerminalKit

/// Everything that can happen to the app: keys, time, and answers from the world.
public enum Action: Sendable {
    case event(KeyEvent)
    case tick(Date)
    /// Another process (or this one) committed to the database.
    case storeChanged
    case signedIn(User)
    case signInRefused(String)
    case scheduleLoaded(CalendarDate, [ScheduleEntry])
    case queueLoaded([QueueEntry])
    case searchLoaded(query: String, [PatientSummary])
    case recentLoaded([PatientSummary])
    case cardLoaded(EntityID<Patient>, PatientCard?)
    case prescriptionsLoaded(EntityID<Patient>, [Prescription])
    case syncStatusLoaded(SyncStatus)
    case duplicatesChecked(PatientDetails, [DuplicateCandidate])
    case patientSaved(Patient, created: Bool)
    case checkedIn(String)
    /// A write or read failed; the message names what went wrong.
    case failed(String)
}

/// Work the reducer asks for; the ``EffectRunner`` does it and answers with actions.
public enum Effect: Hashable, Sendable {
    case signIn(username: String, password: String)
    case loadSchedule(CalendarDate)
    case loadQueue(CalendarDate)
    case search(String, limit: Int)
    case loadRecent(User, limit: Int)
    case loadCard(EntityID<Patient>)
    case loadPrescriptions(EntityID<Patient>)
    case loadSyncStatus
    case checkIn(EntityID<Appointment>, patientName: String, User)
    case checkInWalkIn(EntityID<Patient>, patientName: String, User)
    case checkDuplicates(PatientDetails)
    case register(PatientDetails, DuplicateOverride?, User)
    case edit(EntityID<Patient>, base: PatientDetails, edited: PatientDetails, User)
    case useExisting(EntityID<Patient>, User)
}
