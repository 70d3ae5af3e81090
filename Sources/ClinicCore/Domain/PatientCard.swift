/// Everything the patient card shows, read in one go.
public struct PatientCard: Hashable, Sendable {
    public var patient: Patient
    /// Allergy entries in force (superseded and withdrawn ones left out).
    public var allergies: [Allergy]
    public var upcoming: [ScheduleEntry]
    public var recentVisits: [Visit]
    public var prescriptions: [Prescription]

    public init(patient: Patient, allergies: [Allergy], upcoming: [ScheduleEntry], recentVisits: [Visit], prescriptions: [Prescription]) {
        self.patient = patient
        self.allergies = allergies
        self.upcoming = upcoming
        self.recentVisits = recentVisits
        self.prescriptions = prescriptions
    }
}
