/// A registration or edit form as typed: every field is text until it parses.
public struct PatientForm: Hashable, Sendable {
    public var familyName = ""
    public var givenName = ""
    public var sex = ""
    /// A date in any accepted format (see ``DateInput``); wins over `ageInYears` when both are given.
    public var birthDate = ""
    /// A stated age, used when no date of birth is known; stored as an estimated date.
    public var ageInYears = ""
    public var phone = ""
    public var alternatePhone = ""
    public var address = Address()
    public var emergencyName = ""
    public var emergencyRelationship = ""
    public var emergencyPhone = ""
    public var identifiers: [PatientIdentifier] = []

    public init() {}

    /// The form filled from saved details, for editing.
    public init(_ details: PatientDetails) {
        familyName = details.familyName
        givenName = details.givenName
        sex = details.sex == .unknown ? "" : details.sex.rawValue
        if let birth = details.birthDate {
            birthDate = birth.isEstimated ? "" : birth.date.description
        }
        phone = details.phone?.normalized ?? ""
        alternatePhone = details.alternatePhone?.normalized ?? ""
        address = details.address
        emergencyName = details.emergencyContact?.name ?? ""
        emergencyRelationship = details.emergencyContact?.relationship ?? ""
        emergencyPhone = details.emergencyContact?.phone?.normalized ?? ""
        identifiers = details.identifiers
    }

    /// Parses and validates every field, collecting all problems.
    public func parse(today: CalendarDate, dateOrder: DateOrder = .dayMonthYear) -> Result<PatientDetails, ValidationFailure> {
        var problems: [FieldProblem] = []
        var details = PatientDetails(familyName: familyName, givenName: givenName, address: address, identifiers: identifiers)

        if let sex = Sex(input: sex) {
            details.sex = sex
        } else {
            problems.append(FieldProblem(.sex, "Sex “\(sex)” is not one of F, M, X or blank for unknown."))
        }
        details.birthDate = parseBirth(today: today, dateOrder: dateOrder, problems: &problems)
        details.phone = parsePhone(phone, field: .phone, problems: &problems)
        details.alternatePhone = parsePhone(alternatePhone, field: .alternatePhone, problems: &problems)
        let contactPhone = parsePhone(emergencyPhone, field: .emergencyContactPhone, problems: &problems)
        if !emergencyName.isBlank || !emergencyPhone.isBlank || !emergencyRelationship.isBlank {
            details.emergencyContact = EmergencyContact(name: emergencyName, relationship: emergencyRelationship, phone: contactPhone)
        }
        let tidy = details.tidied
        problems.append(contentsOf: tidy.problems(today: today))
        return problems.isEmpty ? .success(tidy) : .failure(ValidationFailure(problems))
    }

    private func parseBirth(today: CalendarDate, dateOrder: DateOrder, problems: inout [FieldProblem]) -> BirthDate? {
        if !birthDate.isBlank {
            guard let date = DateInput.parse(birthDate, order: dateOrder) else {
                problems.append(FieldProblem(.birthDate, "Date of birth “\(birthDate)” is not a date; type e.g. \(dateOrder.example)."))
                return nil
            }
            return BirthDate(date: date)
        }
        if !ageInYears.isBlank {
            switch BirthDateRule.estimate(ageInYears: ageInYears, today: today) {
            case let .success(birth): return birth
            case let .failure(problem): problems.append(problem)
            }
        }
        return nil
    }

    private func parsePhone(_ text: String, field: PatientField, problems: inout [FieldProblem]) -> PhoneNumber? {
        guard !text.isBlank else { return nil }
        do {
            return try PhoneNumber(parsing: text)
        } catch {
            problems.append(FieldProblem(field, error.description))
            return nil
        }
    }
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
