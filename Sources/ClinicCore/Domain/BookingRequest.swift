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
    /// Book even though ``BookingRules`` found problems (the person has seen them).
    public var acceptingProblems: Bool

    public init(
        patientID: EntityID<Patient>, providerID: EntityID<Provider>, start: LocalDateTime, minutes: Int? = nil,
        kind: AppointmentKind = .new, mode: AppointmentMode = .inPerson, reason: String = "",
        acceptingProblems: Bool = false
    ) {
        self.patientID = patientID
        self.providerID = providerID
        self.start = start
        self.minutes = minutes
        self.kind = kind
        self.mode = mode
        self.reason = reason
        self.acceptingProblems = acceptingProblems
    }
}
