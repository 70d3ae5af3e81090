import ClinicCore
import Foundation
import SyncProtocol

/// Merges the screened changes of one push, in order, against the clinic's current field
/// states, with ``MergePolicy`` — the same function every device uses. Pure: it is handed
/// everything it needs and returns a ``PushPlan``.
struct PushMerger {
    private var fields: [FieldKey: StoredField]
    private var supersessions: [SupersessionKey: [Supersession]]
    private var sequence: Int64
    private let ids: UUIDv7Generator
    private var plan = PushPlan()
    private var writeOrder: [FieldKey] = []
    private var written: Set<FieldKey> = []

    /// - Parameters:
    ///   - fields: the stored state of every field the batch writes (absent: never written).
    ///   - supersessions: rows that already supersede the ids the batch's corrections supersede.
    ///   - lastSequence: the clinic's sequence, read under the push lock.
    init(
        fields: [FieldKey: StoredField], supersessions: [SupersessionKey: [Supersession]], lastSequence: Int64,
        ids: UUIDv7Generator = UUIDv7Generator()
    ) {
        self.fields = fields
        self.supersessions = supersessions
        sequence = lastSequence
        self.ids = ids
    }

    /// The plan for `changes`, given how each was screened and which rows other clinics own.
    static func plan(
        _ changes: [WireChange], screening: [Screening], foreignRows: Set<RowKey>,
        fields: [FieldKey: StoredField], supersessions: [SupersessionKey: [Supersession]], lastSequence: Int64,
        ids: UUIDv7Generator = UUIDv7Generator()
    ) -> PushPlan {
        var merger = PushMerger(fields: fields, supersessions: supersessions, lastSequence: lastSequence, ids: ids)
        var firstTime: [Int: NewOutcome] = [:]
        for (index, change) in changes.enumerated() {
            let outcome: NewOutcome
            switch screening[index] {
            case let .duplicate(stored):
                merger.plan.results.append(ChangeResult(
                    changeID: change.changeID, outcome: .duplicate, originalOutcome: stored.outcome, reason: stored.reason
                ))
                continue
            case let .repeatOf(firstIndex):
                let first = firstTime[firstIndex]
                merger.plan.results.append(ChangeResult(
                    changeID: change.changeID, outcome: .duplicate, originalOutcome: first?.outcome, reason: first?.reason
                ))
                continue
            case let .rejected(rejection):
                outcome = merger.reject(change, rejection)
            case .candidate where foreignRows.contains(RowKey(table: change.table, rowID: change.rowID)):
                outcome = merger.reject(change, .foreignRow)
            case .candidate:
                outcome = merger.merge(change)
            }
            firstTime[index] = outcome
            merger.plan.outcomes.append(outcome)
            merger.plan.results.append(ChangeResult(changeID: change.changeID, outcome: outcome.outcome, reason: outcome.reason))
        }
        merger.plan.fieldWrites = merger.writeOrder.compactMap { key in merger.fields[key].map { (key, $0) } }
        merger.plan.lastSequence = merger.sequence
        return merger.plan
    }

    private mutating func reject(_ change: WireChange, _ rejection: Rejection) -> NewOutcome {
        if let ahead = rejection.clockAheadMillis, ahead > plan.clockFlag?.clockAheadMillis ?? 0 {
            plan.clockFlag = rejection
        }
        return NewOutcome(changeID: change.changeID, outcome: .rejected, reason: rejection.reason)
    }

    /// Applies every field write of `change` and appends it to the log.
    private mutating func merge(_ change: WireChange) -> NewOutcome {
        var disputes: [String] = []
        for (field, write) in change.fieldWrites {
            let key = FieldKey(table: change.table, rowID: change.rowID, field: field)
            let incoming = StoredField(value: write.value, hlc: write.hlc, device: change.hlc.device, changeID: change.changeID)
            if let other = doubleCorrection(key, incoming) {
                plan.conflicts.append(ConflictRecord(
                    id: ids.next(), key: key, kind: .clinical, current: other.write, incoming: incoming,
                    winner: .both, relatedRowID: other.rowID
                ))
                disputes.append("\(field): \(ConflictKind.clinical.description)")
            }
            let current = fields[key]
            let decision = MergePolicy.decide(table: key.table, field: field, current: current?.state, incoming: write)
            if let kind = decision.conflict, let current {
                plan.conflicts.append(ConflictRecord(
                    id: ids.next(), key: key, kind: kind, current: current, incoming: incoming,
                    winner: decision.incomingWins ? .incoming : .current
                ))
                disputes.append("\(field): \(kind.description)")
            }
            if decision.incomingWins { store(incoming, at: key, replacing: current) }
        }
        sequence += 1
        plan.log.append(LogEntry(sequence: sequence, change: change))
        if disputes.isEmpty {
            return NewOutcome(changeID: change.changeID, outcome: .applied, reason: nil, sequence: sequence)
        }
        return NewOutcome(changeID: change.changeID, outcome: .conflict, reason: disputes.joined(separator: "; "), sequence: sequence)
    }

    /// Another row that already corrects the fact this write says its row corrects, if any.
    private func doubleCorrection(_ key: FieldKey, _ incoming: StoredField) -> Supersession? {
        guard SyncedTables.appendOnly.contains(key.table), key.field == SyncedTables.supersedesField,
              incoming.value != .null, fields[key]?.value != incoming.value
        else { return nil }
        let superseded = SupersessionKey(table: key.table, supersededValue: incoming.value.jsonText)
        return supersessions[superseded]?.first { $0.rowID != key.rowID }
    }

    private mutating func store(_ incoming: StoredField, at key: FieldKey, replacing current: StoredField?) {
        fields[key] = incoming
        if written.insert(key).inserted { writeOrder.append(key) }
        guard SyncedTables.appendOnly.contains(key.table), key.field == SyncedTables.supersedesField else { return }
        if let current, current.value != .null {
            supersessions[SupersessionKey(table: key.table, supersededValue: current.value.jsonText)]?
                .removeAll { $0.rowID == key.rowID }
        }
        if incoming.value != .null {
            supersessions[SupersessionKey(table: key.table, supersededValue: incoming.value.jsonText), default: []]
                .append(Supersession(rowID: key.rowID, write: incoming))
        }
    }
}
