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

    public init(
        visit: Visit, patientName: String, patientMRN: MRN, allergyStatus: AllergyStatus, providerName: String?,
        appointmentTime: ClockTime?, patientBirthDate: BirthDate? = nil
    ) {
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
