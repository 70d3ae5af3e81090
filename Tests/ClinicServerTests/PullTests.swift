import ClinicCore
import ClinicServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import SyncProtocol
import Testing

@Suite(.requiresPostgreSQL)
struct PullTests {
    @Test func twoDevicesPullEachOthersChangesAndTheirOwnInOrder() async throws {
        try await ServerFixture.run { server in
            var front = try await server.device(in: "Riverside Clinic")
            var back = try await server.device(in: "Riverside Clinic")
            let a = front.insert("patient", UUID(), ["family_name": .text("Okafor"), "given_name": .text("Ada")])
            let b = back.insert("patient", UUID(), ["family_name": .text("Nguyễn"), "given_name": .text("Thị Mai")])
            let c = front.change("appointment", UUID(), "status", .text("booked"), operation: .insert)
            try await server.push(front, a)
            try await server.push(back, b)
            try await server.push(front, [c])

            for device in [front, back] {
                let pulled = try await server.pullAll(device)
                #expect(pulled.map(\.change.changeID) == (a + b + [c]).map(\.changeID))
                #expect(pulled.map(\.sequence) == [1, 2, 3, 4, 5])
                #expect(pulled.map(\.originDevice) == [front.id, front.id, back.id, back.id, front.id])
                #expect(pulled.map(\.change) == a + b + [c])
            }
            let caughtUp = try await server.pull(back, cursor: 5)
            #expect(caughtUp.changes.isEmpty)
            #expect(caughtUp.nextCursor == 5)
            #expect(!caughtUp.hasMore)
        }
    }

    @Test func aPageRunsOverToFinishItsLastTransaction() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            let singles = (0..<3).map { _ in device.change("patient", UUID(), "family_name", .text("Okafor"), operation: .insert) }
            let visit = device.insert("visit", UUID(), [
                "patient_id": .text(UUID().lowercased), "day": .text("2026-11-18"), "priority": .integer(1),
                "status": .text("waiting"), "room": .text("3"),
            ])
            let after = device.change("patient", UUID(), "family_name", .text("Mensah"), operation: .insert)
            try await server.push(device, singles + visit + [after])

            let first = try await server.pull(device, cursor: 0, limit: 4)
            #expect(first.changes.count == 8)
            #expect(Set(first.changes.dropFirst(3).map(\.change.transactionID)).count == 1)
            #expect(first.nextCursor == 8)
            #expect(first.hasMore)
            let second = try await server.pull(device, cursor: first.nextCursor, limit: 4)
            #expect(second.changes.map(\.change.changeID) == [after.changeID])
            #expect(!second.hasMore)
        }
    }

    @Test func pagingIsCompleteAndGapFreeUnderConcurrentPushes() async throws {
        try await ServerFixture.run { server in
            var devices: [TestDevice] = []
            for _ in 0..<3 { devices.append(try await server.device(in: "Riverside Clinic")) }
            var batches: [(TestDevice, [WireChange])] = []
            for round in 0..<4 {
                for index in devices.indices {
                    var changes: [WireChange] = []
                    for _ in 0..<40 {
                        changes += devices[index].insert("patient", UUID(), [
                            "family_name": .text("Family \(round)"), "given_name": .text("Given \(index)"),
                        ])
                    }
                    batches.append((devices[index], changes))
                }
            }
            let reader = devices[0]
            let pushed: [UUID] = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for (device, changes) in batches {
                    group.addTask {
                        let results = try await server.push(device, changes)
                        return results.filter { $0.outcome == .applied }.map(\.changeID)
                    }
                }
                // A reader pages through the log while the pushes commit.
                group.addTask {
                    var cursor: Int64 = 0
                    for _ in 0..<20 {
                        cursor = try await server.pull(reader, cursor: cursor, limit: 37).nextCursor
                    }
                    return []
                }
                var all: [UUID] = []
                for try await ids in group { all += ids }
                return all
            }
            #expect(pushed.count == 12 * 80)

            // Read again, while more pushes land, then to the end.
            var cursor: Int64 = 0
            var seen: [PulledChange] = []
            var devicesForLate = devices
            for step in 0..<6 {
                let page = try await server.pull(reader, cursor: cursor, limit: 37)
                seen += page.changes
                cursor = page.nextCursor
                if step < 3 {
                    let late = devicesForLate[step].insert("patient", UUID(), ["family_name": .text("Late")])
                    try await server.push(devicesForLate[step], late)
                }
            }
            seen += try await server.pullAll(reader, cursor: cursor, limit: 37)
            #expect(seen.map(\.sequence) == Array(1...Int64(seen.count)))
            #expect(Set(seen.map(\.change.changeID)).isSuperset(of: pushed))
            #expect(seen.count == pushed.count + 3)
            // Each push's changes are contiguous: one batch commits as a whole.
            for (_, changes) in batches {
                let positions = changes.compactMap { change in seen.firstIndex { $0.change.changeID == change.changeID } }
                #expect(positions == Array(positions[0]..<positions[0] + changes.count))
            }
        }
    }

    @Test func badCursorsAndLimitsAreRefused() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            try await server.push(device, device.insert("patient", UUID(), ["family_name": .text("Okafor")]))
            let cases: [(String, String)] = [
                ("?cursor=2", "cursor_from_future"), ("?cursor=-1", "invalid_cursor"), ("?cursor=abc", "invalid_cursor"),
                ("?cursor=1.5", "invalid_cursor"), ("?limit=0", "invalid_limit"), ("?limit=5001", "invalid_limit"),
                ("?limit=ten", "invalid_limit"),
            ]
            for (query, code) in cases {
                let response = try await server.send(.get, SyncRoutes.pull + query, credential: device.credential)
                #expect(response.status == .badRequest, "\(query)")
                #expect(try server.errorBody(response).code == code, "\(query)")
            }
            let defaults = try await server.pull(device, cursor: 1)
            #expect(defaults.changes.isEmpty && defaults.nextCursor == 1)
            #expect(try await server.pull(device, cursor: 0, limit: 5000).changes.count == 1)
        }
    }
}
