import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// Reads a clinic's change log after a cursor, in sequence order, in pages that never split a
/// transaction. Each page is read from one snapshot, so its `has_more` agrees with its rows.
struct PullService: Sendable {
    let database: ServerDatabase

    /// Used when the request gives no limit.
    static let defaultLimit = 1000

    /// The page after `cursor` of at most `limit` changes, plus the rest of the last page's
    /// transaction when it runs over.
    ///
    /// - Throws: ``APIError/cursorFromFuture`` when `cursor` is past the clinic's last sequence.
    func pull(clinicID: UUID, after cursor: Int64, limit: Int) async throws -> PullResponse {
        try await database.transaction(.snapshotRead) { connection in
            let lastSequence = try await Self.lastSequence(connection, clinicID: clinicID, logger: database.logger)
            guard cursor <= lastSequence else { throw APIError.cursorFromFuture(cursor: cursor, last: lastSequence) }
            var page = try await readPage(
                connection,
                """
                SELECT sequence, transaction_id, origin_device, change FROM change_log
                WHERE clinic_id = \(clinicID) AND sequence > \(cursor)
                ORDER BY sequence LIMIT \(limit)
                """
            )
            if page.count == limit, let last = page.last, last.sequence < lastSequence {
                page += try await readPage(
                    connection,
                    """
                    SELECT sequence, transaction_id, origin_device, change FROM change_log
                    WHERE clinic_id = \(clinicID) AND sequence > \(last.sequence)
                      AND sequence < COALESCE((
                          SELECT min(sequence) FROM change_log
                          WHERE clinic_id = \(clinicID) AND sequence > \(last.sequence)
                            AND transaction_id <> \(last.transactionID)
                      ), \(Int64.max))
                    ORDER BY sequence
                    """
                )
            }
            let decoder = JSONDecoder()
            let changes = try page.map { row in
                PulledChange(
                    sequence: row.sequence, originDevice: row.originDevice,
                    change: try decoder.decode(WireChange.self, from: Data(row.body.utf8))
                )
            }
            let next = page.last?.sequence ?? cursor
            return PullResponse(changes: changes, nextCursor: next, hasMore: next < lastSequence)
        }
    }

    /// The clinic's last assigned sequence number (0 before its first change).
    static func lastSequence(_ connection: PostgresConnection, clinicID: UUID, logger: Logger) async throws -> Int64 {
        let rows = try await connection.query(
            "SELECT last_sequence FROM clinic_sequence WHERE clinic_id = \(clinicID)", logger: logger
        )
        for try await last in rows.decode(Int64.self) { return last }
        throw StoredDataError("clinic \(clinicID.uuidString) has no sequence row")
    }

    private struct LogRow {
        var sequence: Int64
        var transactionID: UUID
        var originDevice: UUID
        var body: String
    }

    private func readPage(_ connection: PostgresConnection, _ query: PostgresQuery) async throws -> [LogRow] {
        var page: [LogRow] = []
        let rows = try await connection.query(query, logger: database.logger)
        for try await (sequence, transactionID, origin, body) in rows.decode((Int64, UUID, UUID, String).self) {
            page.append(LogRow(sequence: sequence, transactionID: transactionID, originDevice: origin, body: body))
        }
        return page
    }
}
