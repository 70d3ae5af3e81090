import ClinicCore
import ClinicServer
import Foundation
import SyncProtocol
import Testing

@Suite(.requiresPostgreSQL)
struct PushTests {
    @Test func aReplayedBatchIsAllDuplicateAndWritesNothing() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            let patient = UUID()
            let changes = device.insert("patient", patient, [
                "family_name": .text("Okafor"), "given_name": .text("Ada"), "birth_date": .text("1980-02-29"),
            ])
            let batch = UUID()
            let first = try await server.push(device, changes, batch: batch)
            #expect(first.map(\.outcome) == [.applied, .applied, .applied])
            let counts = try await server.writtenCounts()
            #expect(counts["change_log"] == 3)
            #expect(counts["row_field"] == 3)

            let replay = try await server.push(device, changes, batch: batch)
            #expect(replay.map(\.outcome) == [.duplicate, .duplicate, .duplicate])
            #expect(replay.map(\.originalOutcome) == [.applied, .applied, .applied])
            #expect(try await server.writtenCounts() == counts)
            #expect(try await server.pullAll(device).count == 3)
        }
    }

    @Test func aRetryAfterALostResponseGetsTheStoredOutcomes() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            let patient = UUID()
            let sent = device.insert("patient", patient, ["family_name": .text("Okafor")])
            // The response of this push is "lost": the device never stores it and sends again,
            // this time in a new batch with a change made meanwhile.
            try await server.push(device, sent)
            let later = device.change("patient", patient, "phone", .text("+254 700 000 001"))
            let retry = try await server.push(device, sent + [later])
            #expect(retry.map(\.outcome) == [.duplicate, .applied])
            #expect(retry[0].originalOutcome == .applied)
            #expect(try await server.count("change_log") == 2)
        }
    }

    @Test func aChangeRepeatedInsideOneBatchIsWrittenOnce() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            let change = device.change("patient", UUID(), "family_name", .text("Okafor"), operation: .insert)
            let results = try await server.push(device, [change, change])
            #expect(results.map(\.outcome) == [.applied, .duplicate])
            #expect(results[1].originalOutcome == .applied)
            #expect(try await server.count("change_log") == 1)
            #expect(try await server.count("change_result") == 1)
        }
    }

    @Test func rejectedChangesAreStoredSoReplaysAreStable() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            let bad = device.change("patient", UUID(), "shoe_size", .integer(42), operation: .insert)
            let good = device.change("patient", UUID(), "family_name", .text("Okafor"), operation: .insert)
            let first = try await server.push(device, [bad, good])
            #expect(first.map(\.outcome) == [.rejected, .applied])
            #expect(first[0].reason == "unknown field “shoe_size” of table “patient”")
            let replay = try await server.push(device, [bad, good])
            #expect(replay.map(\.outcome) == [.duplicate, .duplicate])
            #expect(replay[0].originalOutcome == .rejected)
            #expect(replay[0].reason == first[0].reason)
            // Rejected changes never reach other devices.
            #expect(try await server.pullAll(device).map(\.change.changeID) == [good.changeID])
        }
    }

    @Test func anEmptyBatchIsAnsweredWithNoResults() async throws {
        try await ServerFixture.run { server in
            let device = try await server.device(in: "Riverside Clinic")
            #expect(try await server.push(device, []).isEmpty)
        }
    }

    @Test func aSnapshotExpandsToOneFieldStatePerValue() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            let patient = UUID()
            let snapshot = device.snapshot("patient", patient, [
                "family_name": .text("Okafor"), "given_name": .text("Ada"), "birth_date_estimated": .integer(0),
                "phone": .null,
            ])
            #expect(try await server.push(device, [snapshot]).map(\.outcome) == [.applied])
            #expect(try await server.count("row_field", where: "row_id = '\(patient.lowercased)'") == 4)
            #expect(try await server.digest(device).fields == 3)
            let update = device.change("patient", patient, "given_name", .text("Adaeze"), base: .text("Ada"))
            #expect(try await server.push(device, [update]).map(\.outcome) == [.applied])
            let pulled = try await server.pullAll(device)
            #expect(pulled.first?.change.values?["family_name"] == .text("Okafor"))
            #expect(pulled.map(\.change.operation) == [.snapshot, .update])
        }
    }
}
