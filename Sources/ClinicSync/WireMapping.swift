import ClinicCore
import Foundation
import SyncProtocol

extension WireChange {
    /// The wire form of an outbox entry.
    init?(_ entry: OutboxEntry) {
        let change = entry.change
        guard let rowID = UUID(canonical: change.rowID) else { return nil }
        self.init(
            changeID: change.changeID, transactionID: change.transactionID, table: change.table, rowID: rowID,
            operation: change.operation, field: change.field, value: change.newValue, base: change.baseValue,
            values: entry.snapshotValues, hlc: change.hlc, userID: change.userID?.uuid, schemaVersion: change.schemaVersion
        )
    }
}

extension IncomingChange {
    /// The store's form of a pulled change.
    init(_ pulled: PulledChange) {
        let change = pulled.change
        self.init(
            sequence: pulled.sequence, originDevice: pulled.originDevice, changeID: change.changeID, table: change.table,
            rowID: change.rowID.uuidString.lowercased(), operation: change.operation,
            writes: Dictionary(change.fieldWrites.map { ($0.field, $0.write) }, uniquingKeysWith: { first, _ in first })
        )
    }
}

extension PushOutcome {
    /// What a server result means for the outbox.
    init(_ result: ChangeResult) {
        let outcome = result.outcome == .duplicate ? (result.originalOutcome ?? .applied) : result.outcome
        switch outcome {
        case .applied, .duplicate: self = .accepted
        case .conflict: self = .acceptedWithConflict
        case .rejected: self = .rejected(reason: result.reason ?? "refused by the server")
        }
    }
}
