/// One line of the day's schedule: an appointment with the names needed to show it.
public struct ScheduleEntry: Identifiable, Hashable, Sendable {
    public var appointment: Appointment
    public var patientName: String
    public var patientMRN: MRN
    public var providerName: String

    public init(appointment: Appointment, patientName: String, patientMRN: MRN, providerName: String) {
        self.appointment = appointment
        self.patientName = patientName
        self.patientMRN = patientMRN
        self.providerName = providerName
    }

    public var id: EntityID<Appointment> { appointment.id }
}

/// One line of the check-in queue: a visit with the names needed to show it.
public struct QueueEntry: Identifiable, Hashable, Sendable {
    public var visit: Visit
    public var patientName: String
    public var patientMRN: MRN
    public var allergyStatus: AllergyStatus
    /// Nil when the patient may see any provider.
    public var providerName: String?
    /// The booked time, nil for walk-ins.
    public var appointmentTime: ClockTime?
    /// Tells two patients of one name apart.
    public var patientBirthDate: BirthDate?
    /// What the patient owes from earlier invoices (negative: overpaid), by currency; empty when settled.
    public var balance: [Currency: Money]

    public init(
        visit: Visit, patientName: String, patientMRN: MRN, allergyStatus: AllergyStatus, providerName: String?,
        appointmentTime: ClockTime?, patientBirthDate: BirthDate? = nil, balance: [Currency: Money] = [:]
    ) {
        self.balance = balance
        self.visit = visit
        self.patientName = patientName
        self.patientMRN = patientMRN
        self.allergyStatus = allergyStatus
        self.providerName = providerName
        self.appointmentTime = appointmentTime
        self.patientBirthDate = patientBirthDate
    }

    public var id: EntityID<Visit> { visit.id }
}

/// The day's queue as the queue pane reads it: the open visits with the names needed to show
/// them, and the visits that ended (done or left) for the day's average waits, which need no names.
public struct QueueDay: Hashable, Sendable {
    /// Called, waiting and in consultation, in queue order (``QueueRules/sorted(_:)``).
    public var open: [QueueEntry]
    /// Finished or left without being seen, by arrival.
    public var ended: [Visit]

    public init(open: [QueueEntry], ended: [Visit]) {
        self.open = open
        self.ended = ended
    }

    /// Splits a whole day's entries, keeping their order.
    public init(_ entries: [QueueEntry]) {
        self.init(open: entries.filter(\.visit.isOpen), ended: entries.filter { !$0.visit.isOpen }.map(\.visit))
    }
}
