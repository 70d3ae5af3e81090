/// The request to book an appointment, as the booking screen and `clinicdesk book` build it.
public struct BookingRequest: Hashable, Sendable {
    public var patientID: EntityID<Patient>
    public var providerID: EntityID<Provider>
    public var start: LocalDateTime
    /// Nil takes the provider's standard slot.
    public var minutes: Int?
    public var kind: AppointmentKind
    public var mode: AppointmentMode
    public var reason: String
    /// Book even though ``BookingRules`` found problems (the person has seen them): an overbook,
    /// which only roles with the `overbook` permission may make, with a reason.
    public var acceptingProblems: Bool
    /// Why the slot is booked despite its problems.
    public var overbookReason: String
    /// The series this appointment belongs to, if any.
    public var seriesID: EntityID<AppointmentSeries>?
    /// The waitlist entry this booking answers; booking closes it.
    public var waitlistEntry: EntityID<WaitlistEntry>?

    public init(
        patientID: EntityID<Patient>, providerID: EntityID<Provider>, start: LocalDateTime, minutes: Int? = nil,
        kind: AppointmentKind = .new, mode: AppointmentMode = .inPerson, reason: String = "",
        acceptingProblems: Bool = false, overbookReason: String = "", seriesID: EntityID<AppointmentSeries>? = nil,
        waitlistEntry: EntityID<WaitlistEntry>? = nil
    ) {
        self.patientID = patientID
        self.providerID = providerID
        self.start = start
        self.minutes = minutes
        self.kind = kind
        self.mode = mode
        self.reason = reason
        self.acceptingProblems = acceptingProblems
        self.overbookReason = overbookReason
        self.seriesID = seriesID
        self.waitlistEntry = waitlistEntry
    }
}

/// The identity shared by the appointments of a recurring series.
public enum AppointmentSeries {}
