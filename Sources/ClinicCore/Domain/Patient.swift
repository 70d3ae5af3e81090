public import Foundation

/// A person registered at the clinic.
public struct Patient: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<Patient>
    public var mrn: MRN
    public var details: PatientDetails
    public var allergyStatus: AllergyStatus
    /// Why the allergies could not be asked, when the status is ``AllergyStatus/unableToAsk``.
    public var allergyNote: String
    public var registeredAt: Date
    /// Set when the record was removed (soft delete); the row stays for audit and sync.
    public var deletion: Deletion?
    /// Set when this record was merged into another; searches show the survivor instead.
    public var mergedInto: EntityID<Patient>?

    public init(
        id: EntityID<Patient>, mrn: MRN, details: PatientDetails, allergyStatus: AllergyStatus = .notAsked,
        allergyNote: String = "", registeredAt: Date, deletion: Deletion? = nil, mergedInto: EntityID<Patient>? = nil
    ) {
        self.id = id
        self.mrn = mrn
        self.details = details
        self.allergyStatus = allergyStatus
        self.allergyNote = allergyNote
        self.registeredAt = registeredAt
        self.deletion = deletion
        self.mergedInto = mergedInto
    }

    /// "Family, Given" as shown in lists.
    public var displayName: String { details.displayName }
}

/// Everything a receptionist types about a patient; validated by ``PatientDetails/problems(today:)``.
public struct PatientDetails: Hashable, Sendable, Codable {
    public var familyName: String
    public var givenName: String
    public var sex: Sex
    public var birthDate: BirthDate?
    public var phone: PhoneNumber?
    public var alternatePhone: PhoneNumber?
    public var address: Address
    public var emergencyContact: EmergencyContact?
    public var identifiers: [PatientIdentifier]

    public init(
        familyName: String, givenName: String, sex: Sex = .unknown, birthDate: BirthDate? = nil,
        phone: PhoneNumber? = nil, alternatePhone: PhoneNumber? = nil, address: Address = Address(),
        emergencyContact: EmergencyContact? = nil, identifiers: [PatientIdentifier] = []
    ) {
        self.familyName = familyName
        self.givenName = givenName
        self.sex = sex
        self.birthDate = birthDate
        self.phone = phone
        self.alternatePhone = alternatePhone
        self.address = address
        self.emergencyContact = emergencyContact
        self.identifiers = identifiers
    }

    /// "Family, Given" (or just one of them when the other is empty).
    public var displayName: String { Self.displayName(familyName: familyName, givenName: givenName) }

    /// "Family, Given" from the two names alone (lists read just these columns).
    public static func displayName(familyName: String, givenName: String) -> String {
        if familyName.isEmpty { return givenName }
        if givenName.isEmpty { return familyName }
        return familyName + ", " + givenName
    }
}

/// Recorded sex. `unknown` means not recorded, never a guess.
public enum Sex: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case female
    case male
    case other
    case unknown

    public var description: String { rawValue }

    /// One-letter form for narrow columns.
    public var abbreviation: String {
        switch self {
        case .female: "F"
        case .male: "M"
        case .other: "X"
        case .unknown: "?"
        }
    }

    /// Parses `f`, `female`, `m`, `male`, `x`, `other`, `?`, `unknown` in any case.
    public init?(input: String) {
        switch input.trimmingCharacters(in: .whitespaces).lowercased() {
        case "f", "female": self = .female
        case "m", "male": self = .male
        case "x", "o", "other": self = .other
        case "?", "u", "unknown", "": self = .unknown
        default: return nil
        }
    }
}

/// A date of birth that may be an estimate made from a stated age.
public struct BirthDate: Hashable, Sendable, Codable, CustomStringConvertible {
    public var date: CalendarDate
    /// True when the patient gave only an age and the date was derived from it.
    public var isEstimated: Bool

    public init(date: CalendarDate, isEstimated: Bool = false) {
        self.date = date
        self.isEstimated = isEstimated
    }

    /// The estimate for someone `years` old on `today`: the same day and month, `years` earlier.
    public static func estimated(ageInYears years: Int, today: CalendarDate) -> BirthDate {
        BirthDate(date: today.subtracting(years: years), isEstimated: true)
    }

    /// Age in whole years on `today`.
    public func age(on today: CalendarDate) -> Int { date.years(until: today) }

    /// `1984-03-07`, or `~1984-03-07 (estimated)` for an estimate.
    public var description: String { isEstimated ? "~\(date) (estimated)" : "\(date)" }
}

/// A postal address; every part optional.
public struct Address: Hashable, Sendable, Codable {
    public var line: String
    public var city: String
    public var region: String
    public var postalCode: String
    public var country: String

    public init(line: String = "", city: String = "", region: String = "", postalCode: String = "", country: String = "") {
        self.line = line
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
    }

    public var isEmpty: Bool { [line, city, region, postalCode, country].allSatisfy(\.isEmpty) }

    /// One line: the non-empty parts joined by commas.
    public var singleLine: String {
        [line, city, region, postalCode, country].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

/// Whom to call in an emergency.
public struct EmergencyContact: Hashable, Sendable, Codable {
    public var name: String
    public var relationship: String
    public var phone: PhoneNumber?

    public init(name: String, relationship: String = "", phone: PhoneNumber? = nil) {
        self.name = name
        self.relationship = relationship
        self.phone = phone
    }
}

/// Another identifier of the patient: national id, insurance number, passport.
public struct PatientIdentifier: Hashable, Sendable, Codable {
    public var kind: String
    public var value: String

    public init(kind: String, value: String) {
        self.kind = kind
        self.value = value
    }

    /// The value with spaces, dashes and dots removed and letters uppercased, for matching.
    public var matchKey: String {
        String(value.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}

/// Why and when a row was removed. Rows are never physically deleted.
public struct Deletion: Hashable, Sendable, Codable {
    public var at: Date
    public var reason: String

    public init(at: Date, reason: String) {
        self.at = at
        self.reason = reason
    }
}
