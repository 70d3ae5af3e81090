public import ClinicCore

/// Why a client call failed, in the shapes the screens treat differently. The live
/// dependencies translate the store's errors into these; features never see the store.
public enum DeskError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input breaks a rule; the problems go next to their fields.
    case invalid(ValidationFailure)
    /// Someone else changed fields this edit also changes; nothing was saved.
    case editConflict(EditConflict)
    /// The slot has problems (outside the hours, taken, the patient busy…); booking it anyway is
    /// an overbook.
    case slotProblems([BookingProblem])
    /// Not allowed, or not possible in the record's current state; the message says why.
    case refused(String)
    /// The database could not do it (locked, damaged, disk full); the message says what happened.
    case failed(String)

    public var description: String {
        switch self {
        case let .invalid(failure): failure.description
        case let .editConflict(conflict): conflict.description
        case let .slotProblems(problems): "Not booked: " + problems.map(\.description).joined(separator: " ")
        case let .refused(message), let .failed(message): message
        }
    }

    /// Any error as a desk error: a `DeskError` as it is, a validation failure as `.invalid`,
    /// anything else as `.failed` with its description.
    public static func from(_ error: any Error) -> DeskError {
        if let desk = error as? DeskError { return desk }
        if let failure = error as? ValidationFailure { return .invalid(failure) }
        if let conflict = error as? EditConflict { return .editConflict(conflict) }
        return .failed(String(describing: error))
    }
}
