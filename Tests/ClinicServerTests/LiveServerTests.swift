import ClinicCore
import ClinicServer
import ClinicServerTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncProtocol
import Testing

/// The real server on a real port, as the client-side sync tests use it.
@Suite(.requiresPostgreSQL)
struct LiveServerTests {
    @Test func aDeviceEnrollsPushesAndPullsOverHTTP() async throws {
        let admin = try #require(ScratchDatabase.adminURL)
        try await ScratchDatabase.withDatabase(adminURL: admin, logger: ServerFixture.logger) { url in
            try await RunningServer.withServer(ServerConfiguration(database: url, logger: ServerFixture.logger)) { server in
                #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
                let code = try await server.enrollmentCode(forClinic: "Riverside Clinic")
                let second = try await server.enrollmentCode(forClinic: "Riverside Clinic")
                #expect(code != second)
                let client = TestClient(host: server.host, port: server.port, configuration: .init())
                client.connect()
                let deviceID = UUID()
                let enroll = try await client.execute(Self.post(SyncRoutes.enroll, EnrollRequest(code: code, deviceID: deviceID, deviceName: "desk")))
                #expect(enroll.status == .ok)
                let enrolled = try JSONDecoder().decode(EnrollResponse.self, from: Data(try #require(enroll.body).readableBytesView))

                var clock = HybridLogicalClock(device: deviceID)
                let change = WireChange(
                    changeID: UUID(), transactionID: UUID(), table: "patient", rowID: UUID(), operation: .insert,
                    field: "family_name", value: .text("Okafor"), hlc: clock.tick(wallMillis: WallClock.system.millisecondsSinceEpoch()),
                    userID: nil
                )
                let push = try await client.execute(Self.post(
                    SyncRoutes.push, PushRequest(deviceID: deviceID, batchID: UUID(), changes: [change]), credential: enrolled.credential
                ))
                #expect(push.status == .ok)

                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(enrolled.credential)"
                let pull = try await client.execute(.init(SyncRoutes.pull + "?cursor=0", method: .get, headers: headers))
                let page = try JSONDecoder().decode(PullResponse.self, from: Data(try #require(pull.body).readableBytesView))
                #expect(page.changes.map(\.change) == [change])
                try await client.shutdown()
            }
        }
    }

    static func post(_ uri: String, _ value: some Encodable, credential: String? = nil) throws -> TestClient.Request {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let credential { headers[.authorization] = "Bearer \(credential)" }
        return TestClient.Request(uri, method: .post, headers: headers, body: ByteBuffer(bytes: try JSONEncoder().encode(value)))
    }
}
