public import ClinicCore
public import Foundation

/// Everything the app needs from the world, as one small client per feature. The `clinicdesk`
/// executable builds the live ones over the store (`ClinicDeskLive`); tests build them over a
/// real store in a temporary folder, or fake one client. FrontDesk itself never touches a
/// database, a terminal or the network.
public struct Dependencies: Sendable {
    public var clinicName: String
    /// The current instant (injected so wait times and the clock are testable).
    public var now: @Sendable () -> Date
    /// The clinic's time zone.
    public var timeZone: TimeZone
    public var shell: ShellClient
    public var patients: PatientsClient
    public var schedule: ScheduleClient
    public var booking: BookingClient
    public var queue: QueueClient
    public var consultation: ConsultationClient
    public var prescriptions: PrescriptionsClient
    public var providers: ProvidersClient
    public var staff: StaffClient
    public var billing: BillingClient
    /// Yields whenever another process (or this one's store) commits, with what it changed.
    public var externalChanges: @Sendable () -> AsyncStream<ChangedData>
    /// Writes a line to the log file (never to the screen).
    public var log: @Sendable (String) -> Void

    public init(
        clinicName: String, now: @escaping @Sendable () -> Date, timeZone: TimeZone, shell: ShellClient,
        patients: PatientsClient, schedule: ScheduleClient, booking: BookingClient, queue: QueueClient, consultation: ConsultationClient,
        prescriptions: PrescriptionsClient, providers: ProvidersClient, staff: StaffClient, billing: BillingClient,
        externalChanges: @escaping @Sendable () -> AsyncStream<ChangedData>, log: @escaping @Sendable (String) -> Void
    ) {
        self.clinicName = clinicName
        self.now = now
        self.timeZone = timeZone
        self.shell = shell
        self.patients = patients
        self.schedule = schedule
        self.booking = booking
        self.queue = queue
        self.consultation = consultation
        self.prescriptions = prescriptions
        self.providers = providers
        self.staff = staff
        self.billing = billing
        self.externalChanges = externalChanges
        self.log = log
    }

    /// Today in the clinic.
    public func today() -> CalendarDate {
        CalendarDate.today(clock: WallClock(now), timeZone: timeZone)
    }
}
