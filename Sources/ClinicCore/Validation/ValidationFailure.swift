/// A field of a form or record that can carry an error message.
public enum PatientField: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case familyName = "family name"
    case givenName = "given name"
    case sex
    case birthDate = "date of birth"
    case age
    case phone
    case alternatePhone = "alternate phone"
    case address
    case emergencyContactName = "emergency contact name"
    case emergencyContactPhone = "emergency contact phone"
    case identifiers

    public var description: String { rawValue }
}

/// One problem with one field, worded for the person at the keyboard.
public struct FieldProblem: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public init(_ field: PatientField, _ message: String) {
        self.init(field: field.rawValue, message: message)
    }

    public var description: String { message }
}

/// Input that cannot be saved, with every problem found (not just the first).
public struct ValidationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) {
        self.problems = problems
    }

    /// The message for one field, if it has a problem.
    public func message(for field: String) -> String? {
        problems.first { $0.field == field }?.message
    }

    public func message(for field: PatientField) -> String? { message(for: field.rawValue) }

    public var description: String { problems.map(\.message).joined(separator: " ") }
}
