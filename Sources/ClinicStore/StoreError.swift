public import ClinicCore

/// Why a store operation failed, in words the person at the keyboard can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input breaks a rule; nothing was saved.
    case invalid(ValidationFailure)
    /// The signed-in user's role does not allow this.
    case notPermitted(role: Role, permission: Permission)
    /// The row does not exist (or was removed).
    case notFound(what: String, id: String)
    /// The appointment cannot move that way.
    case transition(AppointmentTransitionError)
    /// The slot has problems (outside hours, overlapping…); book again accepting them to override.
    case bookingRefused([BookingProblem])
    /// Fields this edit changes were changed by someone else since the form was opened; nothing was saved.
    case editConflict(EditConflict)
    /// Something already exists that this would duplicate where duplicates are refused (usernames).
    case alreadyExists(String)
    /// No database file at the path.
    case missingDatabase(path: String)
    /// A database file exists where a new one would be created.
    case databaseExists(path: String)
    /// The file is not a ClinicDesk database (or is damaged).
    case notAClinicDatabase(path: String, detail: String)
    /// Another process holds the write lock longer than the busy timeout.
    case locked(path: String)
    /// The file or its folder cannot be opened or written.
    case cannotOpen(path: String, detail: String)
    /// A billing entry the rules refuse (more than is owed, a void invoice, no reason).
    case billing(BillingProblem)
    /// Any other database failure, with SQLite's message.
    case database(String)

    public var description: String {
        switch self {
        case let .invalid(failure):
            failure.description
        case let .notPermitted(role, permission):
            "A \(role) may not \(permission)."
        case let .notFound(what, id):
            "No \(what) with id \(id)."
        case let .transition(error):
            error.description
        case let .bookingRefused(problems):
            "Not booked: " + problems.map(\.description).joined(separator: " ")
        case let .editConflict(conflict):
            conflict.description
        case let .alreadyExists(message):
            message
        case let .billing(problem):
            problem.message
        case let .missingDatabase(path):
            "No clinic database at \(path). Create one with `clinicdesk init` or `clinicdesk demo`, or pass --db."
        case let .databaseExists(path):
            "A database already exists at \(path); choose another path with --db."
        case let .notAClinicDatabase(path, detail):
            "\(path) is not a ClinicDesk database (\(detail))."
        case let .locked(path):
            "The database \(path) is locked by another process; try again in a moment."
        case let .cannotOpen(path, detail):
            "Cannot open \(path): \(detail)."
        case let .database(message):
            "Database error: \(message)."
        }
    }
}
