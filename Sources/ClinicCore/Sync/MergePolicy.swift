/// The value a field holds on one side, and the clock of the write that put it there.
public struct FieldState: Hashable, Sendable {
    public var value: FieldValue
    public var hlc: HLCTimestamp

    public init(value: FieldValue, hlc: HLCTimestamp) {
        self.value = value
        self.hlc = hlc
    }
}

/// A write of one field arriving from another device (or from the server).
public struct FieldWrite: Hashable, Sendable {
    public var value: FieldValue
    /// What the writer saw before writing; nil for inserts and snapshots.
    public var base: FieldValue?
    public var hlc: HLCTimestamp

    public init(value: FieldValue, base: FieldValue?, hlc: HLCTimestamp) {
        self.value = value
        self.base = base
        self.hlc = hlc
    }
}

/// Why two writes of one field disagree.
public enum ConflictKind: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    /// Two people changed the same demographic field from the same value; the later write won.
    case concurrentEdit = "concurrent-edit"
    /// A safety field (date of birth, sex, allergy status, merges) was changed on both sides;
    /// the field shows the later value but stays disputed until a person decides.
    case safety
    /// Appointment or queue status set differently on two devices; the later stage won.
    case status
    /// Two corrections of one clinical fact (allergy, prescription); both are kept for clinician review.
    case clinical
    /// Sync revealed two appointments overlapping for one provider or one patient (``BookingClash``).
    case doubleBooking = "double-booking"

    public var description: String {
        switch self {
        case .concurrentEdit: "changed on two devices"
        case .safety: "safety field changed on two devices — needs a decision"
        case .status: "status set differently on two devices"
        case .clinical: "corrected twice — clinician review"
        case .doubleBooking: "double booking revealed by sync"
        }
    }

    /// Whether the shown value must not be trusted until a person resolves the conflict.
    public var needsDecision: Bool { self == .safety || self == .clinical || self == .doubleBooking }
}

/// What a merge decided for one incoming field write.
public struct MergeDecision: Hashable, Sendable {
    /// Whether the incoming value becomes the field's value.
    public var incomingWins: Bool
    /// Set when the two sides really disagreed (both changed the field from the same base).
    public var conflict: ConflictKind?

    public init(incomingWins: Bool, conflict: ConflictKind?) {
        self.incomingWins = incomingWins
        self.conflict = conflict
    }
}

/// The merge rules of DESIGN §6, as one pure function used identically by every device and the server.
///
/// The winner of a field is the write with the greatest (stage, clock) — stage only for
/// status fields — so every replica ends with the same value whatever order writes arrive in.
/// A conflict is recorded when the incoming writer had not seen the current value and the
/// two values differ: that is "both sides changed the same field from the same base".
public enum MergePolicy {
    public static func decide(table: String, field: String, current: FieldState?, incoming: FieldWrite) -> MergeDecision {
        guard let current else { return MergeDecision(incomingWins: true, conflict: nil) }
        let incomingWins = wins(table: table, field: field, incoming: incoming, over: current)
        let disagree = incoming.value != current.value
        let unseen = incoming.base.map { $0 != current.value } ?? true
        guard disagree, unseen, incoming.hlc != current.hlc else {
            return MergeDecision(incomingWins: incomingWins, conflict: nil)
        }
        return MergeDecision(incomingWins: incomingWins, conflict: kind(table: table, field: field))
    }

    /// Whether `incoming` beats `current` for this field.
    public static func wins(table: String, field: String, incoming: FieldWrite, over current: FieldState) -> Bool {
        if SyncedTables.stageOrderedFields[table]?.contains(field) == true {
            let a = stage(table: table, value: incoming.value)
            let b = stage(table: table, value: current.value)
            if a != b { return a > b }
        }
        return incoming.hlc > current.hlc
    }

    static func kind(table: String, field: String) -> ConflictKind {
        if SyncedTables.safetyFields[table]?.contains(field) == true { return .safety }
        if SyncedTables.stageOrderedFields[table]?.contains(field) == true { return .status }
        if SyncedTables.appendOnly.contains(table) { return .clinical }
        return .concurrentEdit
    }

    static func stage(table: String, value: FieldValue) -> Int {
        guard let text = value.text else { return -1 }
        switch table {
        case "appointment":
            return AppointmentStatus(rawValue: text).map(AppointmentStatusMachine.stage) ?? -1
        case "visit":
            return QueueStatus(rawValue: text).map(QueueStatusOrder.stage) ?? -1
        default:
            return -1
        }
    }
}

/// The order of queue states for merges. While the patient is in the clinic (waiting, called,
/// in consultation) a visit moves both ways — a call is undone, a patient is sent on to wait
/// again — so those states merge by clock; an ended visit (left, then done) outranks them all,
/// so a late write from another device never reopens it.
public enum QueueStatusOrder {
    public static func stage(_ status: QueueStatus) -> Int {
        switch status {
        case .waiting, .called, .inConsultation: 0
        case .left: 1
        case .done: 2
        }
    }
}
