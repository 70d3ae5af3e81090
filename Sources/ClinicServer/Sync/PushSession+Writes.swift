import ClinicCore
import Foundation
import Logging
import PostgresNIO
import SyncProtocol

extension PushSession {
    /// Writes everything `plan` decided, with one multi-row statement per table.
    func write(_ plan: PushPlan, device: UUID, batchID: UUID, at now: Date, previousSequence: Int64) async throws {
        try await insertOutcomes(plan.outcomes, device: device, batchID: batchID, at: now)
        try await appendLog(plan.log, device: device, at: now)
        try await upsertFields(plan.fieldWrites)
        try await insertConflicts(plan.conflicts, at: now)
        if plan.lastSequence != previousSequence {
            try await connection.query(
                "UPDATE clinic_sequence SET last_sequence = \(plan.lastSequence) WHERE clinic_id = \(clinicID)", logger: logger
            )
        }
        if let flag = plan.clockFlag {
            try await connection.query(
                """
                UPDATE device SET last_push_at = \(now), flagged_at = \(now), flag_reason = \(flag.reason)
                WHERE id = \(device) AND clinic_id = \(clinicID)
                """,
                logger: logger
            )
        } else {
            try await connection.query(
                "UPDATE device SET last_push_at = \(now) WHERE id = \(device) AND clinic_id = \(clinicID)", logger: logger
            )
        }
    }

    private func insertOutcomes(_ outcomes: [NewOutcome], device: UUID, batchID: UUID, at now: Date) async throws {
        guard !outcomes.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO change_result (clinic_id, change_id, device_id, batch_id, outcome, reason, sequence, created_at)
            SELECT \(clinicID), c, \(device), \(batchID), o, NULLIF(r, ''), NULLIF(s, 0), \(now)
            FROM UNNEST(\(outcomes.map(\.changeID))::uuid[], \(outcomes.map(\.outcome.rawValue))::text[],
                        \(outcomes.map { $0.reason ?? "" })::text[], \(outcomes.map { $0.sequence ?? 0 })::bigint[]) AS k(c, o, r, s)
            """,
            logger: logger
        )
    }

    private func appendLog(_ entries: [LogEntry], device: UUID, at now: Date) async throws {
        guard !entries.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bodies = try entries.map { String(decoding: try encoder.encode($0.change), as: UTF8.self) }
        try await connection.query(
            """
            INSERT INTO change_log (clinic_id, sequence, change_id, transaction_id, origin_device, table_name, row_id, change, created_at)
            SELECT \(clinicID), s, c, t, \(device), n, r, b, \(now)
            FROM UNNEST(\(entries.map(\.sequence))::bigint[], \(entries.map(\.change.changeID))::uuid[],
                        \(entries.map(\.change.transactionID))::uuid[], \(entries.map(\.change.table))::text[],
                        \(entries.map(\.change.rowID))::uuid[], \(bodies)::text[]) AS k(s, c, t, n, r, b)
            """,
            logger: logger
        )
    }

    private func upsertFields(_ writes: [(key: FieldKey, field: StoredField)]) async throws {
        guard !writes.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO row_field (clinic_id, table_name, row_id, field, value, hlc, origin_device, change_id)
            SELECT \(clinicID), t, r, n, v, h, d, c
            FROM UNNEST(\(writes.map(\.key.table))::text[], \(writes.map(\.key.rowID))::uuid[], \(writes.map(\.key.field))::text[],
                        \(writes.map(\.field.value.jsonText))::text[], \(writes.map(\.field.hlc.description))::text[],
                        \(writes.map(\.field.device))::uuid[], \(writes.map(\.field.changeID))::uuid[]) AS k(t, r, n, v, h, d, c)
            ON CONFLICT (clinic_id, table_name, row_id, field) DO UPDATE
            SET value = excluded.value, hlc = excluded.hlc, origin_device = excluded.origin_device, change_id = excluded.change_id
            """,
            logger: logger
        )
    }

    /// The all-zero UUID, standing for "no related row" in an array that cannot hold NULL.
    private static let noRow = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    private func insertConflicts(_ conflicts: [ConflictRecord], at now: Date) async throws {
        guard !conflicts.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO conflict (
                clinic_id, id, table_name, row_id, field, kind, current_value, current_hlc, current_device,
                incoming_value, incoming_hlc, incoming_device, incoming_change_id, winner, related_row_id, created_at
            )
            SELECT \(clinicID), i, t, r, n, k, cv, ch, cd, iv, ih, id, ic, w, NULLIF(rr, \(Self.noRow)), \(now)
            FROM UNNEST(
                \(conflicts.map(\.id))::uuid[], \(conflicts.map(\.key.table))::text[], \(conflicts.map(\.key.rowID))::uuid[],
                \(conflicts.map(\.key.field))::text[], \(conflicts.map(\.kind.rawValue))::text[],
                \(conflicts.map(\.current.value.jsonText))::text[], \(conflicts.map(\.current.hlc.description))::text[],
                \(conflicts.map(\.current.device))::uuid[], \(conflicts.map(\.incoming.value.jsonText))::text[],
                \(conflicts.map(\.incoming.hlc.description))::text[], \(conflicts.map(\.incoming.device))::uuid[],
                \(conflicts.map(\.incoming.changeID))::uuid[], \(conflicts.map(\.winner.rawValue))::text[],
                \(conflicts.map { $0.relatedRowID ?? Self.noRow })::uuid[]
            ) AS x(i, t, r, n, k, cv, ch, cd, iv, ih, id, ic, w, rr)
            """,
            logger: logger
        )
    }
}
