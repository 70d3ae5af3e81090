import ClinicCore
import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// The queries of one push transaction, all scoped to one clinic.
struct PushSession {
    let connection: PostgresConnection
    let logger: Logger
    let clinicID: UUID

    /// Locks the clinic's sequence row until commit and returns the last sequence number.
    func lockSequence() async throws -> Int64 {
        let rows = try await connection.query(
            "SELECT last_sequence FROM clinic_sequence WHERE clinic_id = \(clinicID) FOR UPDATE", logger: logger
        )
        for try await last in rows.decode(Int64.self) { return last }
        throw StoredDataError("clinic \(clinicID.lowercased) has no sequence row")
    }

    /// The outcomes stored for whichever of `changeIDs` were pushed before.
    func storedOutcomes(of changeIDs: [UUID]) async throws -> [UUID: StoredOutcome] {
        let rows = try await connection.query(
            """
            SELECT change_id, outcome, reason FROM change_result
            WHERE clinic_id = \(clinicID) AND change_id = ANY(\(changeIDs))
            """,
            logger: logger
        )
        var outcomes: [UUID: StoredOutcome] = [:]
        for try await (changeID, outcome, reason) in rows.decode((UUID, String, String?).self) {
            guard let outcome = ChangeOutcome(rawValue: outcome) else { throw StoredDataError("unknown outcome \(outcome)") }
            outcomes[changeID] = StoredOutcome(outcome: outcome, reason: reason)
        }
        return outcomes
    }

    /// Claims the rows no clinic owns yet for this clinic; returns the ones another clinic owns.
    ///
    /// Rows are claimed in one order in every transaction, so two clinics claiming overlapping
    /// rows wait for each other instead of deadlocking.
    func claimRows(_ rows: Set<RowKey>) async throws -> Set<RowKey> {
        guard !rows.isEmpty else { return [] }
        let sorted = rows.sorted()
        let tables = sorted.map(\.table)
        let ids = sorted.map(\.rowID)
        try await connection.query(
            """
            INSERT INTO row_owner (table_name, row_id, clinic_id)
            SELECT t, r, \(clinicID) FROM UNNEST(\(tables)::text[], \(ids)::uuid[]) AS k(t, r) ORDER BY t, r
            ON CONFLICT DO NOTHING
            """,
            logger: logger
        )
        let foreign = try await connection.query(
            """
            SELECT o.table_name, o.row_id FROM UNNEST(\(tables)::text[], \(ids)::uuid[]) AS k(t, r)
            JOIN row_owner o ON o.table_name = k.t AND o.row_id = k.r
            WHERE o.clinic_id <> \(clinicID)
            """,
            logger: logger
        )
        var result: Set<RowKey> = []
        for try await (table, rowID) in foreign.decode((String, UUID).self) {
            result.insert(RowKey(table: table, rowID: rowID))
        }
        return result
    }

    /// The stored state of each of `keys` that has one.
    func fieldStates(_ keys: Set<FieldKey>) async throws -> [FieldKey: StoredField] {
        guard !keys.isEmpty else { return [:] }
        let list = Array(keys)
        let rows = try await connection.query(
            """
            SELECT f.table_name, f.row_id, f.field, f.value, f.hlc, f.origin_device, f.change_id
            FROM UNNEST(\(list.map(\.table))::text[], \(list.map(\.rowID))::uuid[], \(list.map(\.field))::text[]) AS k(t, r, n)
            JOIN row_field f ON f.clinic_id = \(clinicID) AND f.table_name = k.t AND f.row_id = k.r AND f.field = k.n
            """,
            logger: logger
        )
        var states: [FieldKey: StoredField] = [:]
        for try await (table, rowID, field, value, hlc, device, changeID) in rows.decode(
            (String, UUID, String, String, String, UUID, UUID).self
        ) {
            states[FieldKey(table: table, rowID: rowID, field: field)] = try StoredField(
                jsonText: value, hlcText: hlc, device: device, changeID: changeID
            )
        }
        return states
    }

    /// The rows that already supersede each of the ids in `keys`.
    func supersessions(_ keys: Set<SupersessionKey>) async throws -> [SupersessionKey: [Supersession]] {
        guard !keys.isEmpty else { return [:] }
        let list = Array(keys)
        let rows = try await connection.query(
            """
            SELECT f.table_name, f.value, f.row_id, f.hlc, f.origin_device, f.change_id
            FROM UNNEST(\(list.map(\.table))::text[], \(list.map(\.supersededValue))::text[]) AS k(t, v)
            JOIN row_field f ON f.clinic_id = \(clinicID) AND f.field = 'supersedes_id'
                AND f.table_name = k.t AND f.value = k.v
            ORDER BY f.hlc
            """,
            logger: logger
        )
        var result: [SupersessionKey: [Supersession]] = [:]
        for try await (table, value, rowID, hlc, device, changeID) in rows.decode((String, String, UUID, String, UUID, UUID).self) {
            let write = try StoredField(jsonText: value, hlcText: hlc, device: device, changeID: changeID)
            result[SupersessionKey(table: table, supersededValue: value), default: []].append(Supersession(rowID: rowID, write: write))
        }
        return result
    }
}

extension StoredField {
    /// A field state as stored in `row_field` (value as JSON text, clock as HLC text).
    init(jsonText: String, hlcText: String, device: UUID, changeID: UUID) throws {
        guard let value = FieldValue(jsonText: jsonText), let hlc = HLCTimestamp(hlcText) else {
            throw StoredDataError("unreadable field state \(jsonText) @ \(hlcText)")
        }
        self.init(value: value, hlc: hlc, device: device, changeID: changeID)
    }
}

/// Data in the database that this server cannot read: a bug or a manual edit, never the client's fault.
struct StoredDataError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
