import Foundation

/// Where an appointment is in its life.
///
/// ```
/// booked → confirmed → checked-in → in-consultation → completed → follow-up-booked
///    │          │
///    ├──────────┴→ cancelled (with reason)
///    └──────────┴→ no-show
/// ```
public enum AppointmentStatus: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case booked
    case confirmed
    case checkedIn = "checked-in"
    case inConsultation = "in-consultation"
    case completed
    case cancelled
    case noShow = "no-show"
    case followUpBooked = "follow-up-booked"

    /// Words for screens and error messages.
    public var description: String {
        switch self {
        case .booked: "booked"
        case .confirmed: "confirmed"
        case .checkedIn: "checked in (waiting)"
        case .inConsultation: "in consultation"
        case .completed: "completed"
        case .cancelled: "cancelled"
        case .noShow: "no-show"
        case .followUpBooked: "follow-up booked"
        }
    }

    /// True for states nothing can follow except, for `completed`, a follow-up.
    public var isFinished: Bool {
        [.completed, .cancelled, .noShow, .followUpBooked].contains(self)
    }
}

/// A change a person asks for, carrying what that change needs.
public enum AppointmentTransition: Hashable, Sendable {
    case confirm
    case checkIn
    case startConsultation
    case complete
    case cancel(reason: String)
    case markNoShow
    case bookFollowUp(EntityID<Appointment>)

    /// The state this transition leads to.
    public var target: AppointmentStatus {
        switch self {
        case .confirm: .confirmed
        case .checkIn: .checkedIn
        case .startConsultation: .inConsultation
        case .complete: .completed
        case .cancel: .cancelled
        case .markNoShow: .noShow
        case .bookFollowUp: .followUpBooked
        }
    }
}

/// Why a transition was refused; the message names both states.
public enum AppointmentTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    case illegal(from: AppointmentStatus, to: AppointmentStatus)
    case missingCancelReason

    public var description: String {
        switch self {
        case let .illegal(from, to):
            "An appointment that is \(from) cannot become \(to)."
        case .missingCancelReason:
            "A cancellation needs a reason."
        }
    }
}

/// The appointment lifecycle as data: which moves are legal, and the stage order sync merges use.
public enum AppointmentStatusMachine {
    /// Every legal move. Each one goes to a strictly later stage, so merging two
    /// devices' views by "later stage wins" never undoes a legal step.
    public static let legalMoves: [AppointmentStatus: Set<AppointmentStatus>] = [
        .booked: [.confirmed, .checkedIn, .cancelled, .noShow],
        .confirmed: [.checkedIn, .cancelled, .noShow],
        .checkedIn: [.inConsultation],
        .inConsultation: [.completed],
        .completed: [.followUpBooked],
        .cancelled: [],
        .noShow: [],
        .followUpBooked: [],
    ]

    /// Whether `from → to` is a legal move.
    public static func canMove(from: AppointmentStatus, to: AppointmentStatus) -> Bool {
        legalMoves[from, default: []].contains(to)
    }

    /// A total order of stages for sync merges: when two devices disagree, the later stage wins.
    ///
    /// A patient who is physically present outranks a cancellation or a no-show made
    /// elsewhere at the same time (`checked-in` > `cancelled` > `no-show` > `confirmed`),
    /// so a merge never removes someone from the waiting room; the loser is recorded as a conflict.
    public static func stage(_ status: AppointmentStatus) -> Int {
        switch status {
        case .booked: 0
        case .confirmed: 1
        case .noShow: 2
        case .cancelled: 3
        case .checkedIn: 4
        case .inConsultation: 5
        case .completed: 6
        case .followUpBooked: 7
        }
    }

    /// The status two devices converge on: the later stage.
    public static func merge(_ a: AppointmentStatus, _ b: AppointmentStatus) -> AppointmentStatus {
        stage(a) >= stage(b) ? a : b
    }

    /// Applies a transition to an appointment, or explains why it is not allowed.
    public static func apply(
        _ transition: AppointmentTransition, to appointment: Appointment
    ) throws(AppointmentTransitionError) -> Appointment {
        let target = transition.target
        guard canMove(from: appointment.status, to: target) else {
            throw .illegal(from: appointment.status, to: target)
        }
        var next = appointment
        next.status = target
        switch transition {
        case let .cancel(reason):
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw .missingCancelReason }
            next.cancelReason = trimmed
        case let .bookFollowUp(followUp):
            next.followUpID = followUp
        case .confirm, .checkIn, .startConsultation, .complete, .markNoShow:
            break
        }
        return next
    }
}
