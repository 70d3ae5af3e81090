import ClinicCore
import ClinicServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SyncProtocol
import Testing

@Suite struct HealthTests {
    @Test(.requiresPostgreSQL) func liveAndReadyWithADatabase() async throws {
        try await ServerFixture.run { server in
            let live = try await server.send(.get, SyncRoutes.health)
            #expect(try server.decode(HealthResponse.self, live) == HealthResponse(status: "ok"))
            let ready = try await server.send(.get, SyncRoutes.ready)
            #expect(try server.decode(HealthResponse.self, ready) == HealthResponse(status: "ready", database: "ok"))
        }
    }

    @Test func notReadyWithoutADatabaseButStillAlive() async throws {
        // Nothing listens on port 1 of the loopback interface.
        let unreachable = DatabaseURL(host: "127.0.0.1", port: 1, username: "nobody", password: "x", database: "none", tls: .disable)
        let app = ClinicServerApp.build(ServerConfiguration(database: unreachable, logger: ServerFixture.logger))
        try await app.test(.router) { client in
            let ready = try await client.execute(uri: SyncRoutes.ready, method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect(try ServerFixture.errorBody(ready).code == "database_unavailable")
            let live = try await client.execute(uri: SyncRoutes.health, method: .get)
            #expect(live.status == .ok)
        }
    }
}
