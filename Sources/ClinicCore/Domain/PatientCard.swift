/// Everything the patient card shows, read in one go.
public struct PatientCard: Hashable, Sendable {
    public var patient: Patient
    /// Allergy entries in force (superseded and withdrawn ones left out).
    public var allergies: [Allergy]
    public var upcoming: [ScheduleEntry]
    /// The latest visits, most recent first, with what the card says about each.
    public var recentVisits: [VisitHistoryEntry]
    public var prescriptions: [Prescription]
    /// Medicines taken that were not prescribed here, still in force.
    public var otherMedicines: [OtherMedicine]
    /// What the patient owes over all their invoices (negative: overpaid), by currency; empty when settled.
    public var balance: [Currency: Money]

    public init(
        patient: Patient, allergies: [Allergy], upcoming: [ScheduleEntry], recentVisits: [VisitHistoryEntry],
        prescriptions: [Prescription], otherMedicines: [OtherMedicine] = [], balance: [Currency: Money] = [:]
    ) {
        self.otherMedicines = otherMedicines
        self.balance = balance
        self.patient = patient
        self.allergies = allergies
        self.upcoming = upcoming
        self.recentVisits = recentVisits
        self.prescriptions = prescriptions
    }
}

/// One past visit as the card lists it: date, provider, reason, outcome, and what it produced.
public struct VisitHistoryEntry: Hashable, Sendable {
    public var visit: Visit
    /// Whom the patient saw ("any provider" for a walk-in nobody was assigned to).
    public var providerName: String
    /// The appointment's reason, or the triage note of a walk-in; empty when none was given.
    public var reason: String
    /// Consultation notes written for the visit (amendments included).
    public var noteCount: Int
    /// Prescriptions signed during the visit.
    public var prescriptionCodes: [String]

    public init(visit: Visit, providerName: String, reason: String, noteCount: Int, prescriptionCodes: [String]) {
        self.visit = visit
        self.providerName = providerName
        self.reason = reason
        self.noteCount = noteCount
        self.prescriptionCodes = prescriptionCodes
    }
}
