public import ClinicCore
public import Foundation

/// Everything the app needs from the world, as plain functions. The `clinicdesk`
/// executable builds the live ones over the store; tests build them over a real store
/// in a temporary folder. FrontDesk itself never touches a database, a terminal or the network.
public struct Dependencies: Sendable {
    public var clinicName: String
    /// The current instant (injected so wait times and the clock are testable).
    public var now: @Sendable () -> Date
    /// The clinic's time zone.
    public var timeZone: TimeZone
    /// Checks a username and password; nil when they do not match an active user.
    public var signIn: @Sendable (_ username: String, _ password: String) async throws -> User?
    public var schedule: @Sendable (CalendarDate) async throws -> [ScheduleEntry]
    public var queue: @Sendable (CalendarDate) async throws -> [QueueEntry]
    public var searchPatients: @Sendable (_ text: String, _ limit: Int) async throws -> [PatientSummary]
    /// The patients this user last worked on, most recent first.
    public var recentPatients: @Sendable (_ user: User, _ limit: Int) async throws -> [PatientSummary]
    public var patientCard: @Sendable (EntityID<Patient>) async throws -> PatientCard?
    public var prescriptions: @Sendable (EntityID<Patient>) async throws -> [Prescription]
    public var syncStatus: @Sendable () async throws -> SyncStatus
    public var checkIn: @Sendable (EntityID<Appointment>, User) async throws -> Void
    public var checkInWalkIn: @Sendable (EntityID<Patient>, User) async throws -> Void
    /// Registers a patient; `override` carries the reason when duplicate candidates were shown and set aside.
    public var registerPatient: @Sendable (PatientDetails, DuplicateOverride?, User) async throws -> Patient
    public var editPatient: @Sendable (_ id: EntityID<Patient>, _ base: PatientDetails, _ edited: PatientDetails, User) async throws -> Patient
    /// Existing patients who may be the person about to be registered, best first.
    public var duplicateCandidates: @Sendable (PatientDetails) async throws -> [DuplicateCandidate]
    /// Records that the receptionist chose an existing patient instead of registering a new one.
    public var recordUseOfExisting: @Sendable (EntityID<Patient>, User) async throws -> Void
    /// Yields whenever another process (or this one's store) commits.
    public var externalChanges: @Sendable () -> AsyncStream<Void>
    /// Writes a line to the log file (never to the screen).
    public var log: @Sendable (String) -> Void

    public init(
        clinicName: String, now: @escaping @Sendable () -> Date, timeZone: TimeZone,
        signIn: @escaping @Sendable (String, String) async throws -> User?,
        schedule: @escaping @Sendable (CalendarDate) async throws -> [ScheduleEntry],
        queue: @escaping @Sendable (CalendarDate) async throws -> [QueueEntry],
        searchPatients: @escaping @Sendable (String, Int) async throws -> [PatientSummary],
        recentPatients: @escaping @Sendable (User, Int) async throws -> [PatientSummary],
        patientCard: @escaping @Sendable (EntityID<Patient>) async throws -> PatientCard?,
        prescriptions: @escaping @Sendable (EntityID<Patient>) async throws -> [Prescription],
        syncStatus: @escaping @Sendable () async throws -> SyncStatus,
        checkIn: @escaping @Sendable (EntityID<Appointment>, User) async throws -> Void,
        checkInWalkIn: @escaping @Sendable (EntityID<Patient>, User) async throws -> Void,
        registerPatient: @escaping @Sendable (PatientDetails, DuplicateOverride?, User) async throws -> Patient,
        editPatient: @escaping @Sendable (EntityID<Patient>, PatientDetails, PatientDetails, User) async throws -> Patient,
        duplicateCandidates: @escaping @Sendable (PatientDetails) async throws -> [DuplicateCandidate],
        recordUseOfExisting: @escaping @Sendable (EntityID<Patient>, User) async throws -> Void,
        externalChanges: @escaping @Sendable () -> AsyncStream<Void>,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.clinicName = clinicName
        self.now = now
        self.timeZone = timeZone
        self.signIn = signIn
        self.schedule = schedule
        self.queue = queue
        self.searchPatients = searchPatients
        self.recentPatients = recentPatients
        self.patientCard = patientCard
        self.prescriptions = prescriptions
        self.syncStatus = syncStatus
        self.checkIn = checkIn
        self.checkInWalkIn = checkInWalkIn
        self.registerPatient = registerPatient
        self.editPatient = editPatient
        self.duplicateCandidates = duplicateCandidates
        self.recordUseOfExisting = recordUseOfExisting
        self.externalChanges = externalChanges
        self.log = log
    }

    /// Today in the clinic.
    public func today() -> CalendarDate {
        CalendarDate.today(clock: WallClock(now), timeZone: timeZone)
    }
}
