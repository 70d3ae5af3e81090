public import Foundation

/// A patient's presence in the clinic today: the check-in queue entry.
public struct Visit: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<Visit>
    public var patientID: EntityID<Patient>
    /// The appointment this arrival is for; nil for a walk-in.
    public var appointmentID: EntityID<Appointment>?
    /// Whom the patient is waiting for; nil when any provider may see them.
    public var providerID: EntityID<Provider>?
    /// The clinic day of the visit.
    public var day: CalendarDate
    public var arrivedAt: Date
    public var priority: QueuePriority
    public var status: QueueStatus
    public var room: String?
    public var calledBy: EntityID<User>?
    public var calledAt: Date?
    public var finishedAt: Date?
    /// The number called out in the waiting room, unique for the day on this device.
    public var ticket: Int
    /// Where the patient waits when sent on to a station (nurse, lab, pharmacy) rather than a provider.
    public var station: String?
    /// How the visit ended; nil while it is open.
    public var outcome: VisitOutcome?

    public init(
        id: EntityID<Visit>, patientID: EntityID<Patient>, appointmentID: EntityID<Appointment>?,
        providerID: EntityID<Provider>?, day: CalendarDate, arrivedAt: Date, priority: QueuePriority = .normal,
        status: QueueStatus = .waiting, room: String? = nil, calledBy: EntityID<User>? = nil,
        calledAt: Date? = nil, finishedAt: Date? = nil, ticket: Int = 0, station: String? = nil,
        outcome: VisitOutcome? = nil
    ) {
        self.id = id
        self.patientID = patientID
        self.appointmentID = appointmentID
        self.providerID = providerID
        self.day = day
        self.arrivedAt = arrivedAt
        self.priority = priority
        self.status = status
        self.room = room
        self.calledBy = calledBy
        self.calledAt = calledAt
        self.finishedAt = finishedAt
        self.ticket = ticket
        self.station = station
        self.outcome = outcome
    }

    /// Whether the patient is still somewhere in the clinic's flow (not done, not gone).
    public var isOpen: Bool { status != .done && status != .left }

    /// Whole minutes the patient has waited by `now` (zero once called).
    public func waitingMinutes(at now: Date) -> Int {
        let end = status == .waiting ? now : (calledAt ?? now)
        return max(0, Int(end.timeIntervalSince(arrivedAt) / 60))
    }
}

/// How urgently the patient should be seen.
public enum QueuePriority: String, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    case normal
    case urgent
    case emergency

    /// Higher is more urgent.
    public var rank: Int {
        switch self {
        case .normal: 0
        case .urgent: 1
        case .emergency: 2
        }
    }

    public static func < (lhs: QueuePriority, rhs: QueuePriority) -> Bool { lhs.rank < rhs.rank }

    public var description: String { rawValue }

    /// The mark shown before a name, beside the word (meaning never by colour alone).
    public var mark: String {
        switch self {
        case .normal: ""
        case .urgent: "!"
        case .emergency: "!!"
        }
    }
}

/// How a visit ended.
public enum VisitOutcome: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case done
    case referred
    case admittedElsewhere = "admitted-elsewhere"

    public var description: String {
        switch self {
        case .done: "done"
        case .referred: "referred"
        case .admittedElsewhere: "admitted elsewhere"
        }
    }
}

/// Where a queue entry is.
public enum QueueStatus: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case waiting
    case called
    case inConsultation = "in-consultation"
    case done
    /// Left before being seen.
    case left

    public var description: String {
        switch self {
        case .waiting: "waiting"
        case .called: "called"
        case .inConsultation: "in consultation"
        case .done: "done"
        case .left: "left without being seen"
        }
    }
}
