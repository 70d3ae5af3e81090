/// The parts of a patient's details a person edits one at a time: what an edit writes, what
/// two people can change at once, and what a conflict names.
public enum EditableField: String, CaseIterable, Hashable, Sendable, Codable {
    case familyName, givenName, sex, birthDate, phone, alternatePhone
    case addressLine, city, region, postalCode, country
    case emergencyContact, identifiers

    /// The field's name on the form.
    public var label: String {
        switch self {
        case .familyName: "Family name"
        case .givenName: "Given name"
        case .sex: "Sex"
        case .birthDate: "Date of birth"
        case .phone: "Phone"
        case .alternatePhone: "Other phone"
        case .addressLine: "Address"
        case .city: "City"
        case .region: "Region"
        case .postalCode: "Postal code"
        case .country: "Country"
        case .emergencyContact: "Emergency contact"
        case .identifiers: "ID numbers"
        }
    }

    /// The stored columns of `patient` that hold this field (identifiers live in their own table).
    public var columns: [String] {
        switch self {
        case .familyName: ["family_name"]
        case .givenName: ["given_name"]
        case .sex: ["sex"]
        case .birthDate: ["birth_date", "birth_date_estimated"]
        case .phone: ["phone"]
        case .alternatePhone: ["alternate_phone"]
        case .addressLine: ["address_line"]
        case .city: ["city"]
        case .region: ["region"]
        case .postalCode: ["postal_code"]
        case .country: ["country"]
        case .emergencyContact: ["emergency_name", "emergency_relationship", "emergency_phone"]
        case .identifiers: []
        }
    }

    /// Whether `a` and `b` hold different values in this field.
    public func differs(_ a: PatientDetails, _ b: PatientDetails) -> Bool {
        switch self {
        case .familyName: a.familyName != b.familyName
        case .givenName: a.givenName != b.givenName
        case .sex: a.sex != b.sex
        case .birthDate: a.birthDate != b.birthDate
        case .phone: a.phone != b.phone
        case .alternatePhone: a.alternatePhone != b.alternatePhone
        case .addressLine: a.address.line != b.address.line
        case .city: a.address.city != b.address.city
        case .region: a.address.region != b.address.region
        case .postalCode: a.address.postalCode != b.address.postalCode
        case .country: a.address.country != b.address.country
        case .emergencyContact: a.emergencyContact != b.emergencyContact
        case .identifiers: a.identifiers != b.identifiers
        }
    }

    /// Copies this field's value from `source` into `target`.
    public func copy(from source: PatientDetails, into target: inout PatientDetails) {
        switch self {
        case .familyName: target.familyName = source.familyName
        case .givenName: target.givenName = source.givenName
        case .sex: target.sex = source.sex
        case .birthDate: target.birthDate = source.birthDate
        case .phone: target.phone = source.phone
        case .alternatePhone: target.alternatePhone = source.alternatePhone
        case .addressLine: target.address.line = source.address.line
        case .city: target.address.city = source.address.city
        case .region: target.address.region = source.address.region
        case .postalCode: target.address.postalCode = source.address.postalCode
        case .country: target.address.country = source.address.country
        case .emergencyContact: target.emergencyContact = source.emergencyContact
        case .identifiers: target.identifiers = source.identifiers
        }
    }

    /// The field's value as a person reads it; "—" when empty.
    public func text(in details: PatientDetails) -> String {
        let text: String = switch self {
        case .familyName: details.familyName
        case .givenName: details.givenName
        case .sex: details.sex == .unknown ? "" : details.sex.rawValue
        case .birthDate: details.birthDate.map { $0.isEstimated ? "about \($0.date.year) (estimated)" : $0.date.description } ?? ""
        case .phone: details.phone?.normalized ?? ""
        case .alternatePhone: details.alternatePhone?.normalized ?? ""
        case .addressLine: details.address.line
        case .city: details.address.city
        case .region: details.address.region
        case .postalCode: details.address.postalCode
        case .country: details.address.country
        case .emergencyContact:
            details.emergencyContact.map { contact in
                [contact.name, contact.relationship, contact.phone?.normalized ?? ""].filter { !$0.isEmpty }
                    .joined(separator: " · ")
            } ?? ""
        case .identifiers: details.identifiers.map { "\($0.kind) \($0.value)" }.joined(separator: ", ")
        }
        return text.isEmpty ? "—" : text
    }
}
