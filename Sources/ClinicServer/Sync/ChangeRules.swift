import ClinicCore
import Foundation
import SyncProtocol

/// Why a change is refused without being merged, as the device will be told.
struct Rejection: Hashable, Sendable {
    var reason: String
    /// Set when the change was stamped too far ahead of the server's clock: by how much.
    var clockAheadMillis: UInt64?

    /// The reason for a change on a row id that another clinic owns. It says no more than that.
    static let foreignRow = Rejection(reason: "row belongs to another clinic")
}

/// The checks a pushed change must pass before it is merged. Pure: no database, no clock reads.
enum ChangeRules {
    /// Why `change`, pushed by `device` when the server's clock read `serverMillis`, is refused;
    /// nil when it may be merged.
    static func rejection(of change: WireChange, pushedBy device: UUID, serverMillis: UInt64) -> Rejection? {
        guard WireVersion.isAccepted(change.schemaVersion) else {
            return Rejection(reason: "schema version \(change.schemaVersion) is not accepted (this server accepts "
                + "\(WireVersion.accepted.lowerBound)–\(WireVersion.accepted.upperBound)); update ClinicDesk on this device")
        }
        guard change.hlc.device == device else {
            return Rejection(reason: "change was stamped by device \(change.hlc.device.lowercased), not by the device pushing it")
        }
        if change.hlc.millis > serverMillis, change.hlc.millis - serverMillis > SyncLimits.maxClockAheadMillis {
            let ahead = change.hlc.millis - serverMillis
            let seconds = (ahead + 500) / 1000
            return Rejection(
                reason: "device clock is \(seconds) s ahead of the server; fix the device's date and time",
                clockAheadMillis: ahead
            )
        }
        guard let fields = SyncedTables.fields[change.table] else {
            return Rejection(reason: "unknown table “\(change.table)”")
        }
        let written: [String]
        if change.operation == .snapshot {
            guard let values = change.values, !values.isEmpty else {
                return Rejection(reason: "a snapshot change must carry the row's values")
            }
            written = values.keys.sorted()
        } else {
            guard let field = change.field, change.value != nil else {
                return Rejection(reason: "an \(change.operation.rawValue) change must name a field and carry its value")
            }
            written = [field]
        }
        if let unknown = written.first(where: { !fields.contains($0) }) {
            return Rejection(reason: "unknown field “\(unknown)” of table “\(change.table)”")
        }
        if SyncedTables.appendOnly.contains(change.table), change.operation == .update || change.operation == .delete,
           let field = written.first(where: { !SyncedTables.removalFields.contains($0) }) {
            return Rejection(reason: "clinical facts are append-only: \(change.table).\(field) cannot be changed; "
                + "record a correction as a new row instead")
        }
        return nil
    }
}

/// What the first look at a pushed change decided.
enum Screening: Hashable, Sendable {
    /// Pushed before: answer with the stored outcome, write nothing.
    case duplicate(StoredOutcome)
    /// The same change id appeared earlier in this batch, at `firstIndex`.
    case repeatOf(firstIndex: Int)
    /// Refused; the refusal is stored so a replay gets the same answer.
    case rejected(Rejection)
    /// To be merged (unless its row belongs to another clinic).
    case candidate

    /// Screens a batch in order.
    static func screen(
        _ changes: [WireChange], pushedBy device: UUID, serverMillis: UInt64, previous: [UUID: StoredOutcome]
    ) -> [Screening] {
        var firstIndex: [UUID: Int] = [:]
        return changes.enumerated().map { index, change in
            if let stored = previous[change.changeID] { return .duplicate(stored) }
            if let first = firstIndex[change.changeID] { return .repeatOf(firstIndex: first) }
            firstIndex[change.changeID] = index
            if let rejection = ChangeRules.rejection(of: change, pushedBy: device, serverMillis: serverMillis) {
                return .rejected(rejection)
            }
            return .candidate
        }
    }
}
