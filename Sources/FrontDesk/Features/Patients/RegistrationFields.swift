import ClinicCore
import Foundation
import TerminalKit

/// The fields of the registration and edit form, in order.
enum RegistrationField: Int, CaseIterable {
    case familyName, givenName, sex, birthDate, age, phone, alternatePhone, address, city, postalCode, country
    case emergencyName, emergencyRelationship, emergencyPhone, identifierKind, identifierValue

    var label: String {
        switch self {
        case .familyName: "Family name"
        case .givenName: "Given name"
        case .sex: "Sex (F/M/X)"
        case .birthDate: "Date of birth"
        case .age: "or age (years)"
        case .phone: "Phone"
        case .alternatePhone: "Other phone"
        case .address: "Address"
        case .city: "City"
        case .postalCode: "Postal code"
        case .country: "Country"
        case .emergencyName: "Emergency contact"
        case .emergencyRelationship: "Relationship"
        case .emergencyPhone: "Emergency phone"
        case .identifierKind: "ID type"
        case .identifierValue: "ID number"
        }
    }

    var isRequired: Bool { self == .familyName || self == .givenName }

    /// The validation field whose problems show next to this one.
    var problemField: String? {
        switch self {
        case .familyName: PatientField.familyName.rawValue
        case .givenName: PatientField.givenName.rawValue
        case .sex: PatientField.sex.rawValue
        case .birthDate: PatientField.birthDate.rawValue
        case .age: PatientField.age.rawValue
        case .phone: PatientField.phone.rawValue
        case .alternatePhone: PatientField.alternatePhone.rawValue
        case .emergencyName: PatientField.emergencyContactName.rawValue
        case .emergencyPhone: PatientField.emergencyContactPhone.rawValue
        case .identifierValue: PatientField.identifiers.rawValue
        case .address, .city, .postalCode, .country, .emergencyRelationship, .identifierKind: nil
        }
    }
}

/// Problems of a form, keyed by field index.
struct FieldErrors: Error {
    var byField: [Int: String]
}

/// Converts between the form's text fields and patient details.
enum RegistrationForm {
    static func fields(errors: [Int: String], dateOrder: DateOrder) -> [FormField] {
        RegistrationField.allCases.map { field in
            FormField(
                field.label,
                placeholder: field == .birthDate ? (dateOrder == .dayMonthYear ? "e.g. 7/3/1984" : "e.g. 3/7/1984") : nil,
                error: errors[field.rawValue], isRequired: field.isRequired
            )
        }
    }

    static func emptyState() -> FormState {
        FormState(fieldCount: RegistrationField.allCases.count)
    }

    /// A form prefilled from what was typed in the search box: names go to the name fields, a
    /// date of birth (alone or with the names) to its field as an unambiguous ISO date, a phone
    /// number to the phone field.
    static func state(prefill query: String, dateOrder: DateOrder) -> FormState {
        var state = emptyState()
        func set(_ field: RegistrationField, _ text: String) { state.values[field.rawValue].setText(text) }
        let parsed = PatientQuery.parse(query, dateOrder: dateOrder)
        switch parsed {
        case .name, .nameAndBirthDate:
            let words = query.split(whereSeparator: \.isWhitespace).map(String.init)
                .filter { DateInput.parseAny($0, order: dateOrder) == nil }
            if words.count >= 2 {
                set(.familyName, words.last!)
                set(.givenName, words.dropLast().joined(separator: " "))
            } else if let word = words.first {
                set(.familyName, word)
            }
            if case let .nameAndBirthDate(_, date) = parsed { set(.birthDate, date.description) }
        case let .birthDate(date), let .compactDate(date, _):
            set(.birthDate, date.description)
        case .digits, .internationalPhone:
            set(.phone, query)
        case .empty, .mrn, .undashedMRN:
            break
        }
        return state
    }

    static func state(from details: PatientDetails, today: CalendarDate) -> FormState {
        let form = PatientForm(details)
        var values = Array(repeating: "", count: RegistrationField.allCases.count)
        values[RegistrationField.familyName.rawValue] = form.familyName
        values[RegistrationField.givenName.rawValue] = form.givenName
        values[RegistrationField.sex.rawValue] = details.sex == .unknown ? "" : details.sex.abbreviation
        values[RegistrationField.birthDate.rawValue] = form.birthDate
        if let birth = details.birthDate, birth.isEstimated {
            values[RegistrationField.age.rawValue] = String(birth.age(on: today))
        }
        values[RegistrationField.phone.rawValue] = form.phone
        values[RegistrationField.alternatePhone.rawValue] = form.alternatePhone
        values[RegistrationField.address.rawValue] = details.address.line
        values[RegistrationField.city.rawValue] = details.address.city
        values[RegistrationField.postalCode.rawValue] = details.address.postalCode
        values[RegistrationField.country.rawValue] = details.address.country
        values[RegistrationField.emergencyName.rawValue] = form.emergencyName
        values[RegistrationField.emergencyRelationship.rawValue] = form.emergencyRelationship
        values[RegistrationField.emergencyPhone.rawValue] = form.emergencyPhone
        values[RegistrationField.identifierKind.rawValue] = details.identifiers.first?.kind ?? ""
        values[RegistrationField.identifierValue.rawValue] = details.identifiers.first?.value ?? ""
        return FormState(values: values)
    }

    /// Parses the form; problems come back keyed by field index.
    static func parse(
        _ state: FormState, keeping existing: PatientDetails?, today: CalendarDate, dateOrder: DateOrder
    ) -> Result<PatientDetails, FieldErrors> {
        func text(_ field: RegistrationField) -> String { state.text(at: field.rawValue) }
        var form = PatientForm()
        form.familyName = text(.familyName)
        form.givenName = text(.givenName)
        form.sex = text(.sex)
        form.birthDate = text(.birthDate)
        form.ageInYears = text(.age)
        form.phone = text(.phone)
        form.alternatePhone = text(.alternatePhone)
        form.address = Address(line: text(.address), city: text(.city), region: existing?.address.region ?? "",
                               postalCode: text(.postalCode), country: text(.country))
        form.emergencyName = text(.emergencyName)
        form.emergencyRelationship = text(.emergencyRelationship)
        form.emergencyPhone = text(.emergencyPhone)
        let kind = text(.identifierKind).trimmingCharacters(in: .whitespaces)
        let value = text(.identifierValue).trimmingCharacters(in: .whitespaces)
        var identifiers = Array((existing?.identifiers ?? []).dropFirst())
        if !kind.isEmpty || !value.isEmpty {
            identifiers.insert(PatientIdentifier(kind: kind.isEmpty ? "ID" : kind, value: value), at: 0)
        }
        form.identifiers = identifiers
        switch form.parse(today: today, dateOrder: dateOrder) {
        case var .success(details):
            // An unchanged age keeps the stored estimate instead of re-estimating it from today.
            if let birth = existing?.birthDate, birth.isEstimated, text(.birthDate).isEmpty,
               text(.age).trimmingCharacters(in: .whitespaces) == String(birth.age(on: today)) {
                details.birthDate = birth
            }
            return .success(details)
        case let .failure(failure):
            return .failure(FieldErrors(byField: errors(from: failure)))
        }
    }

    /// Validation problems keyed by the index of the field they belong to (the first field
    /// takes any problem no field owns, so nothing is lost).
    static func errors(from failure: ValidationFailure) -> [Int: String] {
        var errors: [Int: String] = [:]
        for field in RegistrationField.allCases {
            if let name = field.problemField, let message = failure.message(for: name), errors[field.rawValue] == nil {
                errors[field.rawValue] = message
            }
        }
        if errors.isEmpty, let first = failure.problems.first { errors[0] = first.message }
        return errors
    }
}
