import ClinicCore
import ClinicServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import SyncProtocol
import Testing

@Suite(.requiresPostgreSQL)
struct RejectionTests {
    @Test func aDeviceTwoHoursFastIsRejectedAndFlagged() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            let onTime = device.change("patient", UUID(), "family_name", .text("Okafor"), operation: .insert)
            device.wallMillis += 2 * 3600 * 1000
            let fast = device.change("patient", UUID(), "family_name", .text("Mensah"), operation: .insert)
            let results = try await server.push(device, [onTime, fast])
            #expect(results.map(\.outcome) == [.applied, .rejected])
            #expect(results[1].reason == "device clock is 7200 s ahead of the server; fix the device's date and time")

            let listed = try await server.directory.devices()
            #expect(listed.count == 1)
            #expect(listed[0].flaggedAt == ServerFixture.start)
            #expect(listed[0].flagReason == results[1].reason)
            #expect(try await server.pullAll(device).map(\.change.changeID) == [onTime.changeID])
        }
    }

    @Test func aClockWithinFiveMinutesIsAccepted() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            device.wallMillis += SyncLimits.maxClockAheadMillis - 10
            let change = device.change("patient", UUID(), "family_name", .text("Okafor"), operation: .insert)
            #expect(try await server.push(device, [change]).map(\.outcome) == [.applied])
            #expect(try await server.directory.devices()[0].flaggedAt == nil)
        }
    }

    @Test func aDeviceOfAnotherClinicSeesNothingAndCannotWriteItsRows() async throws {
        try await ServerFixture.run { server in
            var riverside = try await server.device(in: "Riverside Clinic")
            var hillside = try await server.device(in: "Hillside Clinic")
            let patient = UUID()
            try await server.push(riverside, riverside.insert("patient", patient, ["family_name": .text("Okafor")]))
            let riversideDigest = try await server.digest(riverside)

            let page = try await server.pull(hillside)
            #expect(page.changes.isEmpty && page.nextCursor == 0 && !page.hasMore)
            #expect(try await server.digest(hillside).fields == 0)

            let intrusion = hillside.change("patient", patient, "family_name", .text("Intruder"), base: .text("Okafor"))
            let ownRow = hillside.change("patient", UUID(), "family_name", .text("Mensah"), operation: .insert)
            let results = try await server.push(hillside, [intrusion, ownRow])
            #expect(results.map(\.outcome) == [.rejected, .applied])
            #expect(results[0].reason == "row belongs to another clinic")
            #expect(try await server.digest(riverside).digest == riversideDigest.digest)
            #expect(try await server.pullAll(riverside).count == 1)
            #expect(try await server.pullAll(hillside).map(\.change.changeID) == [ownRow.changeID])
            // Hillside's cursor is its own: Riverside's sequence means nothing to it.
            let future = try await server.send(.get, SyncRoutes.pull + "?cursor=2", credential: hillside.credential)
            #expect(try server.errorBody(future).code == "cursor_from_future")
        }
    }

    @Test func changesThatCannotBeMergedAreRejectedWithAReason() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            var other = try await server.device(in: "Riverside Clinic")
            let row = UUID()
            var wrongVersion = device.change("patient", row, "family_name", .text("Okafor"), operation: .insert)
            wrongVersion.schemaVersion = 7
            var noValue = device.change("patient", row, "family_name", .text("Okafor"), operation: .insert)
            noValue.value = nil
            var emptySnapshot = device.snapshot("patient", row, [:])
            emptySnapshot.values = nil
            let cases: [(WireChange, String)] = [
                (device.change("no_such_table", row, "total", .integer(10), operation: .insert), "unknown table “no_such_table”"),
                (device.change("patient", row, "favourite_colour", .text("blue"), operation: .insert),
                 "unknown field “favourite_colour” of table “patient”"),
                (device.snapshot("patient", row, ["family_name": .text("Okafor"), "secret": .text("x")]),
                 "unknown field “secret” of table “patient”"),
                (wrongVersion, "schema version 7 is not accepted (this server accepts 1–1); update ClinicDesk on this device"),
                (other.change("patient", row, "family_name", .text("Okafor"), operation: .insert),
                 "change was stamped by device \(other.id.lowercased), not by the device pushing it"),
                (noValue, "an insert change must name a field and carry its value"),
                (emptySnapshot, "a snapshot change must carry the row's values"),
            ]
            let results = try await server.push(device, cases.map(\.0))
            #expect(results.map(\.outcome) == Array(repeating: .rejected, count: cases.count))
            #expect(results.map(\.reason) == cases.map(\.1))
            #expect(try await server.count("change_log") == 0)
            #expect(try await server.count("row_field") == 0)
            #expect(try await server.count("change_result") == cases.count)
        }
    }

    @Test func aPushNamingAnotherDeviceIsForbidden() async throws {
        try await ServerFixture.run { server in
            var device = try await server.device(in: "Riverside Clinic")
            let other = try await server.device(in: "Riverside Clinic")
            let change = device.change("patient", UUID(), "family_name", .text("Okafor"), operation: .insert)
            let response = try await server.send(
                .post, SyncRoutes.push, credential: device.credential,
                json: PushRequest(deviceID: other.id, batchID: UUID(), changes: [change])
            )
            #expect(response.status == .forbidden)
            #expect(try server.errorBody(response).code == "device_mismatch")
            #expect(try await server.count("change_result") == 0)
        }
    }
}
