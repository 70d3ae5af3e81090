import ClinicCore
import Crypto
import Foundation
import Logging
import PostgresNIO
import SyncProtocol

/// Receives a device's audit events and keeps them as append-only rows, checking each against
/// the chain the server already holds for that device: the number follows the last one, and the
/// hash covers the previous hash and the event's content (``AuditChain``). An event sent again
/// unchanged is accepted once; anything else that breaks the chain flags the device (shown by
/// `clinicdesk-server device list`) and is refused, so a rewritten trail never replaces the
/// one the server has.
struct AuditIngest: Sendable {
    let database: ServerDatabase
    let clock: WallClock

    func receive(_ request: AuditPushRequest, from device: AuthenticatedDevice) async throws -> AuditPushResponse {
        let now = clock.now()
        let deviceText = device.id.uuidString.lowercased()
        let outcome: Result<Int64, APIError> = try await database.transaction { connection in
            // One push per device at a time: the device row is the lock (the chain may have no row yet).
            try await connection.query("SELECT id FROM device WHERE id = \(device.id) FOR UPDATE", logger: database.logger)
            let head = try await connection.query(
                "SELECT seq, hash FROM audit_event WHERE device_id = \(device.id) ORDER BY seq DESC LIMIT 1 FOR UPDATE",
                logger: database.logger)
            var last: (seq: Int64, hash: String) = (0, "")
            for try await (seq, hash) in head.decode((Int64, String).self) { last = (seq, hash) }
            let held = last
            for event in request.events.sorted(by: { $0.seq < $1.seq }) {
                if event.seq <= held.seq {
                    // Sent before: only the very same event is accepted again (its hash, and its content under that hash).
                    let stored = try await connection.query(
                        "SELECT seq, hash FROM audit_event WHERE device_id = \(device.id) AND seq IN (\(event.seq - 1), \(event.seq))",
                        logger: database.logger)
                    var hashes: [Int64: String] = [:]
                    for try await (seq, hash) in stored.decode((Int64, String).self) { hashes[seq] = hash }
                    let same = hashes[event.seq] == event.hash
                        && AuditChain.link(event.link(device: deviceText), after: hashes[event.seq - 1] ?? "", hash: Self.sha256) == event.hash
                    if !same { return .failure(try await flag(device, connection, now, "event #\(event.seq) differs from the one it sent before")) }
                    continue
                }
                guard event.seq == last.seq + 1 else {
                    return .failure(try await flag(device, connection, now, "event #\(last.seq + 1) is missing (the next sent is #\(event.seq))"))
                }
                let link = event.link(device: deviceText)
                guard AuditChain.link(link, after: last.hash, hash: Self.sha256) == event.hash else {
                    return .failure(try await flag(device, connection, now, "event #\(event.seq) does not match its hash"))
                }
                try await connection.query("""
                    INSERT INTO audit_event (clinic_id, device_id, seq, event_id, at, user_id, actor, action, entity_table, entity_id,
                                             patient_id, summary, hlc, hash, received_at)
                    VALUES (\(device.clinicID), \(device.id), \(event.seq), \(event.id), \(event.at), \(event.userID), \(event.actor),
                            \(event.action), \(event.entityTable), \(event.entityID), \(event.patientID), \(event.summary), \(event.hlc),
                            \(event.hash), \(now))
                    """, logger: database.logger)
                last = (event.seq, event.hash)
            }
            return .success(last.seq)
        }
        return AuditPushResponse(acceptedThrough: try outcome.get())
    }

    /// The device's own events after number `after`, oldest first, as it sent them.
    func events(of device: AuthenticatedDevice, after: Int64, limit: Int) async throws -> AuditEventsResponse {
        let rows = try await database.client.query("""
            SELECT seq, event_id, at, user_id, actor, action, entity_table, entity_id, patient_id, summary, hlc, hash
            FROM audit_event WHERE device_id = \(device.id) AND seq > \(after) ORDER BY seq LIMIT \(limit + 1)
            """, logger: database.logger)
        var events: [WireAuditEvent] = []
        for try await (seq, id, at, userID, actor, action, table, entity, patient, summary, hlc, hash) in rows.decode(
            (Int64, String, String, String?, String, String, String, String, String?, String, String?, String).self)
        {
            let link = AuditLink(seq: seq, id: id, at: at, deviceID: device.id.uuidString.lowercased(), userID: userID, actor: actor,
                                 action: action, entityTable: table, entityID: entity, patientID: patient, summary: summary, hlc: hlc,
                                 hash: hash)
            if let event = WireAuditEvent(link) { events.append(event) }
        }
        let hasMore = events.count > limit
        return AuditEventsResponse(events: Array(events.prefix(limit)), hasMore: hasMore)
    }

    static func sha256(_ bytes: [UInt8]) -> String { Hashing.hex(SHA256.hash(data: bytes)) }

    /// Flags the device with why its chain broke; the flag is committed with this transaction.
    private func flag(_ device: AuthenticatedDevice, _ connection: PostgresConnection, _ now: Date, _ reason: String) async throws -> APIError {
        let text = "audit chain broken: \(reason)"
        try await connection.query("UPDATE device SET flagged_at = \(now), flag_reason = \(text) WHERE id = \(device.id)",
                                   logger: database.logger)
        database.logger.warning("audit chain broken", metadata: ["device": "\(device.id.uuidString.lowercased())", "reason": "\(reason)"])
        return APIError.auditChainBroken(reason)
    }
}
