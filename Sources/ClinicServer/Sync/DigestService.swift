import ClinicCore
import Crypto
import Foundation
import PostgresNIO
import SyncProtocol

/// Computes a clinic's replica digest: SHA-256 over the byte-wise sorted ``SyncDigest`` lines
/// of every non-null field, streamed from PostgreSQL in that order so memory stays flat.
///
/// The order: a line is `table ␟ row id ␟ field ␟ value ⏎`. Table and field names are plain
/// identifiers and the separator (0x1F) sorts below every character they use, row ids are
/// fixed-width lowercase hex, and (table, row, field) is unique, so ordering rows by table,
/// row id and field under byte-wise ("C") collation is exactly the byte-wise order of lines.
struct DigestService: Sendable {
    let database: ServerDatabase

    func digest(clinicID: UUID) async throws -> DigestResponse {
        try await database.transaction(.snapshotRead) { connection in
            let cursor = try await PullService.lastSequence(connection, clinicID: clinicID, logger: database.logger)
            let rows = try await connection.query(
                """
                SELECT table_name, row_id, field, value FROM row_field
                WHERE clinic_id = \(clinicID) AND value <> 'null'
                ORDER BY table_name COLLATE "C", row_id, field COLLATE "C"
                """,
                logger: database.logger
            )
            var hasher = SHA256()
            var count = 0
            for try await (table, rowID, field, value) in rows.decode((String, UUID, String, String).self) {
                guard let fieldValue = FieldValue(jsonText: value) else {
                    throw StoredDataError("unreadable value of \(table).\(field)")
                }
                guard let line = SyncDigest.line(table: table, rowID: rowID.lowercased, field: field, value: fieldValue) else {
                    continue
                }
                hasher.update(data: Array(line.utf8))
                count += 1
            }
            return DigestResponse(digest: Hashing.hex(hasher.finalize()), fields: count, cursor: cursor)
        }
    }
}
