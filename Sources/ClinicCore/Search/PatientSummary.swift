import Foundation

/// One row of a patient search result: what a receptionist needs to tell two people apart.
public struct PatientSummary: Identifiable, Hashable, Sendable {
    public var id: EntityID<Patient>
    public var mrn: MRN
    public var familyName: String
    public var givenName: String
    public var sex: Sex
    public var birthDate: BirthDate?
    public var phone: PhoneNumber?
    public var allergyStatus: AllergyStatus
    /// The last day this patient was seen at the clinic.
    public var lastVisit: CalendarDate?

    public init(
        id: EntityID<Patient>, mrn: MRN, familyName: String, givenName: String, sex: Sex,
        birthDate: BirthDate?, phone: PhoneNumber?, allergyStatus: AllergyStatus, lastVisit: CalendarDate?
    ) {
        self.id = id
        self.mrn = mrn
        self.familyName = familyName
        self.givenName = givenName
        self.sex = sex
        self.birthDate = birthDate
        self.phone = phone
        self.allergyStatus = allergyStatus
        self.lastVisit = lastVisit
    }

    /// "Family, Given".
    public var displayName: String {
        [familyName, givenName].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
