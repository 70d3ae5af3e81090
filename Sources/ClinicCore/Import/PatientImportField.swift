/// A patient field a spreadsheet column can be imported into: the registration form's fields.
public enum PatientImportField: String, CaseIterable, Sendable, Hashable {
    case familyName = "family_name"
    case givenName = "given_name"
    case sex
    case birthDate = "birth_date"
    case age
    case phone
    case alternatePhone = "alternate_phone"
    case address
    case city
    case region
    case postalCode = "postal_code"
    case country
    case emergencyName = "emergency_name"
    case emergencyRelationship = "emergency_relationship"
    case emergencyPhone = "emergency_phone"
    case idType = "id_type"
    case idNumber = "id_number"

    /// Header spellings recognised without `--map`, compared with case, spaces, `_`, `-` and `.`
    /// ignored ("Date of Birth", "DOB", "date_of_birth" are all the date of birth).
    static let synonyms: [PatientImportField: [String]] = [
        .familyName: ["family name", "surname", "last name", "lastname", "family", "nom"],
        .givenName: ["given name", "first name", "firstname", "forename", "given names", "first names", "prenom"],
        .sex: ["sex", "gender"],
        .birthDate: ["birth date", "date of birth", "dob", "birthdate", "born", "birthday"],
        .age: ["age", "age years", "age in years"],
        .phone: ["phone", "telephone", "mobile", "phone number", "mobile number", "cell", "tel"],
        .alternatePhone: ["alternate phone", "other phone", "phone 2", "second phone", "home phone", "work phone"],
        .address: ["address", "address line", "street", "street address", "address 1"],
        .city: ["city", "town", "village"],
        .region: ["region", "state", "province", "county", "district"],
        .postalCode: ["postal code", "postcode", "zip", "zip code", "pin", "pin code"],
        .country: ["country"],
        .emergencyName: ["emergency contact", "emergency name", "emergency contact name", "next of kin", "kin"],
        .emergencyRelationship: ["emergency relationship", "relationship", "emergency contact relationship"],
        .emergencyPhone: ["emergency phone", "emergency contact phone", "kin phone", "next of kin phone"],
        .idType: ["id type", "identifier type", "id kind", "document type"],
        .idNumber: ["id number", "identifier", "id", "national id", "document number", "aadhaar", "ssn"],
    ]

    /// How a header is compared: lowercased, without spaces, `_`, `-`, `.` or `/`.
    static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { !" _-./\u{FEFF}".unicodeScalars.contains($0) }
            .map(Character.init))
    }

    static let byKey: [String: PatientImportField] = {
        var keys: [String: PatientImportField] = [:]
        for field in allCases {
            keys[key(field.rawValue)] = field
            for synonym in synonyms[field] ?? [] { keys[key(synonym)] = field }
        }
        return keys
    }()

    /// The field a header names on its own, if any.
    public static func recognised(_ header: String) -> PatientImportField? { byKey[key(header)] }

    /// The field a `--map` value names (its own name or a recognised header spelling).
    public static func named(_ text: String) -> PatientImportField? { byKey[key(text)] }

    /// Which import field a validation problem belongs to.
    static func of(problem field: String) -> [PatientImportField] {
        switch PatientField(rawValue: field) {
        case .familyName?: [.familyName]
        case .givenName?: [.givenName]
        case .sex?: [.sex]
        case .birthDate?: [.birthDate]
        case .age?: [.age]
        case .phone?: [.phone]
        case .alternatePhone?: [.alternatePhone]
        case .address?: [.address]
        case .emergencyContactName?: [.emergencyName]
        case .emergencyContactPhone?: [.emergencyPhone]
        case .identifiers?: [.idNumber, .idType]
        case nil: []
        }
    }
}
