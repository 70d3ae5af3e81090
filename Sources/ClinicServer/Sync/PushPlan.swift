import ClinicCore
import Foundation
import SyncProtocol

/// Everything one push will write, decided before anything is written.
struct PushPlan: Sendable {
    /// One result per pushed change, in request order.
    var results: [ChangeResult] = []
    /// The outcomes to store for change ids seen for the first time.
    var outcomes: [NewOutcome] = []
    /// Changes appended to the clinic's log, in sequence order.
    var log: [LogEntry] = []
    /// The new state of every field a change won, once per field.
    var fieldWrites: [(key: FieldKey, field: StoredField)] = []
    var conflicts: [ConflictRecord] = []
    /// The clinic's sequence after this push.
    var lastSequence: Int64 = 0
    /// The worst clock-ahead rejection of the batch: the device gets flagged with it.
    var clockFlag: Rejection?
}

/// A first-time outcome of one change id.
struct NewOutcome: Hashable, Sendable {
    var changeID: UUID
    var outcome: ChangeOutcome
    var reason: String?
    /// The change's place in the clinic's log; nil when rejected.
    var sequence: Int64?
}

/// One change appended to a clinic's log.
struct LogEntry: Hashable, Sendable {
    var sequence: Int64
    var change: WireChange
}

/// Two writes of one field that disagreed, or two corrections of one clinical fact.
struct ConflictRecord: Hashable, Sendable {
    /// Which value the field shows now.
    enum Winner: String, Sendable {
        case current, incoming
        /// Clinical double corrections: both rows stay.
        case both
    }

    var id: UUID
    var key: FieldKey
    var kind: ConflictKind
    /// What the server held before (for a double correction: the other correcting row's write).
    var current: StoredField
    var incoming: StoredField
    var winner: Winner
    /// For a double correction: the other row that corrects the same fact.
    var relatedRowID: UUID?
}
