import ClinicCore
import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// Applies pushed batches: one PostgreSQL transaction per batch, holding the clinic's
/// sequence row locked from first read to commit, so a clinic's pushes apply one at a time
/// and sequence order is commit order (a pull can never skip a commit).
///
/// Round trips per batch are fixed (about ten), whatever its size: existing outcomes, row
/// owners and field states are read with `= ANY` / `UNNEST` queries, the merge happens in
/// Swift (``PushMerger``), and the results are written with `UNNEST` multi-row inserts.
struct PushService: Sendable {
    let database: ServerDatabase
    let clock: WallClock

    /// Applies `request`, which `device` pushed, and answers one result per change in order.
    func push(_ request: PushRequest, by device: AuthenticatedDevice) async throws -> PushResponse {
        guard !request.changes.isEmpty else { return PushResponse(batchID: request.batchID, results: []) }
        let results = try await database.retryingTransaction { connection in
            let session = PushSession(connection: connection, logger: database.logger, clinicID: device.clinicID)
            let now = clock.now()
            let lastSequence = try await session.lockSequence()
            let previous = try await session.storedOutcomes(of: request.changes.map(\.changeID))
            let screening = Screening.screen(
                request.changes, pushedBy: device.id, serverMillis: clock.millisecondsSinceEpoch(), previous: previous
            )
            let candidates = zip(request.changes, screening).compactMap { change, verdict in
                verdict == .candidate ? change : nil
            }
            let foreignRows = try await session.claimRows(Set(candidates.map { RowKey(table: $0.table, rowID: $0.rowID) }))
            let merging = candidates.filter { !foreignRows.contains(RowKey(table: $0.table, rowID: $0.rowID)) }
            let fields = try await session.fieldStates(Self.fieldKeys(of: merging))
            let supersessions = try await session.supersessions(Self.supersessionKeys(of: merging))
            let plan = PushMerger.plan(
                request.changes, screening: screening, foreignRows: foreignRows, fields: fields,
                supersessions: supersessions, lastSequence: lastSequence
            )
            try await session.write(plan, device: device.id, batchID: request.batchID, at: now, previousSequence: lastSequence)
            return plan.results
        }
        return PushResponse(batchID: request.batchID, results: results)
    }

    /// Every field the changes write.
    static func fieldKeys(of changes: [WireChange]) -> Set<FieldKey> {
        var keys: Set<FieldKey> = []
        for change in changes {
            for (field, _) in change.fieldWrites {
                keys.insert(FieldKey(table: change.table, rowID: change.rowID, field: field))
            }
        }
        return keys
    }

    /// The ids that corrections among the changes say they supersede.
    static func supersessionKeys(of changes: [WireChange]) -> Set<SupersessionKey> {
        var keys: Set<SupersessionKey> = []
        for change in changes where SyncedTables.appendOnly.contains(change.table) {
            for (field, write) in change.fieldWrites where field == SyncedTables.supersedesField && write.value != .null {
                keys.insert(SupersessionKey(table: change.table, supersededValue: write.value.jsonText))
            }
        }
        return keys
    }
}

/// A device whose credential was accepted: who is pushing or pulling, for which clinic.
struct AuthenticatedDevice: Hashable, Sendable {
    var id: UUID
    var clinicID: UUID
    var name: String
}
