import Foundation

extension PatientDetails {
    /// Every problem that stops these details being saved on `today`; empty when valid.
    public func problems(today: CalendarDate) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let message = NameRule.problem(with: familyName, label: PatientField.familyName.rawValue) {
            problems.append(FieldProblem(.familyName, message))
        }
        if let message = NameRule.problem(with: givenName, label: PatientField.givenName.rawValue) {
            problems.append(FieldProblem(.givenName, message))
        }
        if let birthDate, let message = BirthDateRule.problem(with: birthDate, today: today) {
            problems.append(FieldProblem(.birthDate, message))
        }
        if let contact = emergencyContact,
           let message = NameRule.problem(with: contact.name, label: PatientField.emergencyContactName.rawValue) {
            problems.append(FieldProblem(.emergencyContactName, message))
        }
        for identifier in identifiers where identifier.kind.isEmpty || identifier.matchKey.isEmpty {
            problems.append(FieldProblem(.identifiers, "Identifier “\(identifier.kind): \(identifier.value)” needs both a kind and a value."))
        }
        return problems
    }

    /// The details with names tidied (trimmed, single spaces, NFC), as they are stored.
    public var tidied: PatientDetails {
        var copy = self
        copy.familyName = NameRule.tidy(familyName)
        copy.givenName = NameRule.tidy(givenName)
        copy.address = Address(
            line: NameRule.tidy(address.line), city: NameRule.tidy(address.city),
            region: NameRule.tidy(address.region), postalCode: NameRule.tidy(address.postalCode),
            country: NameRule.tidy(address.country)
        )
        if var contact = emergencyContact {
            contact.name = NameRule.tidy(contact.name)
            contact.relationship = NameRule.tidy(contact.relationship)
            copy.emergencyContact = contact
        }
        copy.identifiers = identifiers.map {
            PatientIdentifier(kind: NameRule.tidy($0.kind), value: NameRule.tidy($0.value))
        }
        return copy
    }

    /// Tidies and validates, throwing every problem at once.
    public func validated(today: CalendarDate) throws(ValidationFailure) -> PatientDetails {
        let tidy = tidied
        let problems = tidy.problems(today: today)
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        return tidy
    }
}
