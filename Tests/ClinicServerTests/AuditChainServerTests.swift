import ClinicCore
import ClinicServer
import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import PostgresNIO
import SyncProtocol
import Testing

/// The server keeps each device's audit events as an append-only chain and refuses, and flags
/// the device, when what arrives does not continue it.
@Suite(.requiresPostgreSQL)
struct AuditChainServerTests {
    static func sha256(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }

    /// `count` events of `device`'s chain, from `first`, hashed after `previous`.
    static func chain(_ device: TestDevice, from first: Int64 = 1, count: Int, after previous: String = "") -> [WireAuditEvent] {
        var events: [WireAuditEvent] = []
        var previous = previous
        for seq in first..<(first + Int64(count)) {
            var link = AuditLink(seq: seq, id: UUID().uuidString.lowercased(), at: "2026-12-02T09:00:0\(seq % 10).000Z",
                                 deviceID: device.id.uuidString.lowercased(), userID: nil, actor: "rosa", action: "patient.read",
                                 entityTable: "patient", entityID: "p-\(seq)", patientID: "p-\(seq)", summary: "Opened a card", hlc: nil, hash: nil)
            link.hash = AuditChain.link(link, after: previous, hash: sha256)
            previous = link.hash!
            events.append(WireAuditEvent(link)!)
        }
        return events
    }

    func send(_ server: ServerFixture, _ device: TestDevice, _ events: [WireAuditEvent]) async throws -> TestResponse {
        try await server.send(.post, SyncRoutes.audit, credential: device.credential,
                              json: AuditPushRequest(deviceID: device.id, events: events))
    }

    @Test func aChainIsKeptInPartsAndASecondSendingIsAcceptedOnce() async throws {
        try await ServerFixture.run { server in
            let device = try await server.device(in: "Riverside Clinic")
            let events = Self.chain(device, count: 5)
            let first = try server.decode(AuditPushResponse.self, try await send(server, device, Array(events.prefix(3))))
            #expect(first.acceptedThrough == 3)
            let again = try server.decode(AuditPushResponse.self, try await send(server, device, events))
            #expect(again.acceptedThrough == 5, "events 1–3 again are recognised, 4–5 join them")
            #expect(try await server.count("audit_event") == 5)
        }
    }

    @Test func aForgedChainIsRefusedAndTheDeviceFlagged() async throws {
        try await ServerFixture.run { server in
            let device = try await server.device(in: "Riverside Clinic")
            let events = Self.chain(device, count: 4)
            _ = try server.decode(AuditPushResponse.self, try await send(server, device, Array(events.prefix(2))))
            var forged = Array(events.suffix(2))
            forged[0].summary = "Nothing happened"  // edited after it was hashed
            let refused = try await send(server, device, forged)
            #expect(refused.status == .conflict)
            #expect(try server.errorBody(refused).code == ErrorCode.auditChainBroken.rawValue)
            #expect(try server.errorBody(refused).message.contains("event #3 does not match its hash"))
            #expect(try await server.count("audit_event") == 2, "nothing of the forged batch is kept")
            let flagged = try await server.directory.devices().first { $0.id == device.id }
            #expect(flagged?.flagReason == "audit chain broken: event #3 does not match its hash")

            // A rewritten event the server already holds, and a gap, are refused too.
            var rewritten = events[1]
            rewritten.summary = "Rewritten"
            #expect(try server.errorBody(try await send(server, device, [rewritten])).message.contains("event #2 differs"))
            #expect(try server.errorBody(try await send(server, device, [events[3]])).message.contains("event #3 is missing"))
        }
    }

    @Test func anEventNumberBelowOneIsRefusedAsMalformed() async throws {
        try await ServerFixture.run { server in
            let device = try await server.device(in: "Riverside Clinic")
            var events = Self.chain(device, count: 1)
            events[0].seq = Int64.min
            let response = try await send(server, device, events)
            #expect(response.status == .badRequest)
            #expect(try server.errorBody(response).message.contains("audit event numbers start at 1"))
            #expect(try await server.count("audit_event") == 0)
        }
    }

    @Test func aDeviceSendsOnlyItsOwnTrail() async throws {
        try await ServerFixture.run { server in
            let device = try await server.device(in: "Riverside Clinic")
            let other = try await server.device(in: "Riverside Clinic")
            let response = try await server.send(.post, SyncRoutes.audit, credential: device.credential,
                                                 json: AuditPushRequest(deviceID: other.id, events: Self.chain(other, count: 1)))
            #expect(response.status == .forbidden)
            #expect(try server.errorBody(response).code == ErrorCode.deviceMismatch.rawValue)
        }
    }

    /// A device restored from a backup asks for the end of its own trail: it gets its events after
    /// a number, in pages, and never another device's.
    @Test func aDeviceTakesBackItsOwnEventsAfterANumberInPages() async throws {
        try await ServerFixture.run { server in
            let device = try await server.device(in: "Riverside Clinic")
            let other = try await server.device(in: "Riverside Clinic")
            let events = Self.chain(device, count: 5)
            _ = try server.decode(AuditPushResponse.self, try await send(server, device, events))
            _ = try server.decode(AuditPushResponse.self, try await send(server, other, Self.chain(other, count: 3)))
            let first = try server.decode(AuditEventsResponse.self, try await server.send(
                .get, SyncRoutes.auditEvents + "?after=1&limit=2", credential: device.credential))
            #expect(first.events == Array(events[1...2]) && first.hasMore, "events 2 and 3, exactly as sent, and more to come")
            let rest = try server.decode(AuditEventsResponse.self, try await server.send(
                .get, SyncRoutes.auditEvents + "?after=3", credential: device.credential))
            #expect(rest.events == Array(events[3...]) && !rest.hasMore)
            let bad = try await server.send(.get, SyncRoutes.auditEvents + "?after=-1", credential: device.credential)
            #expect(bad.status == .badRequest)
            #expect(try server.errorBody(bad).code == ErrorCode.invalidCursor.rawValue)
            let anonymous = try await server.send(.get, SyncRoutes.auditEvents)
            #expect(anonymous.status == .unauthorized)
        }
    }
}
