/// A booked slot with a provider.
public struct Appointment: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<Appointment>
    public var patientID: EntityID<Patient>
    public var providerID: EntityID<Provider>
    public var start: LocalDateTime
    public var minutes: Int
    public var kind: AppointmentKind
    public var mode: AppointmentMode
    public var status: AppointmentStatus
    public var reason: String
    /// Why it was cancelled; required when `status == .cancelled`.
    public var cancelReason: String?
    /// The follow-up booked from this appointment; set when `status == .followUpBooked`.
    public var followUpID: EntityID<Appointment>?
    /// The series the appointment belongs to.
    public var seriesID: EntityID<AppointmentSeries>?
    /// Why it was booked despite the slot's problems; nil when the slot was clean.
    public var overbookReason: String?

    public init(
        id: EntityID<Appointment>, patientID: EntityID<Patient>, providerID: EntityID<Provider>,
        start: LocalDateTime, minutes: Int, kind: AppointmentKind = .new, mode: AppointmentMode = .inPerson,
        status: AppointmentStatus = .booked, reason: String = "", cancelReason: String? = nil,
        followUpID: EntityID<Appointment>? = nil, seriesID: EntityID<AppointmentSeries>? = nil, overbookReason: String? = nil
    ) {
        self.id = id
        self.patientID = patientID
        self.providerID = providerID
        self.start = start
        self.minutes = minutes
        self.kind = kind
        self.mode = mode
        self.status = status
        self.reason = reason
        self.cancelReason = cancelReason
        self.followUpID = followUpID
        self.seriesID = seriesID
        self.overbookReason = overbookReason
    }

    /// The time of day the appointment ends.
    public var end: ClockTime? { ClockTime(minuteOfDay: start.time.minuteOfDay + minutes) }
}

/// Why the patient is coming.
public enum AppointmentKind: String, CaseIterable, Codable, Sendable {
    case new
    case followUp = "follow-up"
    case walkIn = "walk-in"
}

/// How the patient is seen.
public enum AppointmentMode: String, CaseIterable, Codable, Sendable {
    case inPerson = "in-person"
    case video
    case home
}
