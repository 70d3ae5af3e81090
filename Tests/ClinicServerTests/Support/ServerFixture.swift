import ClinicCore
import ClinicServer
import ClinicServerTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import Testing

extension Trait where Self == ConditionTrait {
    /// Skips a suite when no PostgreSQL is configured for tests.
    static var requiresPostgreSQL: Self {
        .enabled(
            if: ScratchDatabase.adminURL != nil,
            "CLINICDESK_TEST_DATABASE_URL is not set: start PostgreSQL with start_test_postgres (scripts/lib/postgres.sh)"
        )
    }
}

/// One test's server: a fresh migrated database, the application in front of it (driven
/// through Hummingbird's router test client), the operator's directory and the server's clock.
struct ServerFixture: Sendable {
    let client: any TestClientProtocol
    let database: ServerDatabase
    let directory: ClinicDirectory
    /// The server's clock, fixed at ``start`` until a test moves it.
    let clock: ManualClock
    let url: DatabaseURL

    /// 2026-11-18 16:53:20 UTC.
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static let logger: Logger = {
        var logger = Logger(label: "clinicdesk-server-tests")
        logger.logLevel = .critical
        return logger
    }()

    /// Runs `body` against a server on a database of its own.
    static func run(_ body: @Sendable (ServerFixture) async throws -> Void) async throws {
        let admin = try #require(ScratchDatabase.adminURL)
        try await ScratchDatabase.withDatabase(adminURL: admin, logger: logger) { url in
            let clock = ManualClock(start)
            let app = ClinicServerApp.build(ServerConfiguration(database: url, clock: clock.wallClock, logger: logger))
            try await ServerDatabase.withRunning(url, logger: logger) { database in
                try await app.test(.router) { client in
                    try await body(ServerFixture(
                        client: client, database: database,
                        directory: ClinicDirectory(database: database, clock: clock.wallClock), clock: clock, url: url
                    ))
                }
            }
        }
    }

    /// The server clock's current reading in milliseconds.
    var nowMillis: UInt64 { clock.wallClock.millisecondsSinceEpoch() }

    /// Rows in `table` (a test's way of checking that nothing, or nothing twice, was written).
    func count(_ table: String, where condition: String = "TRUE") async throws -> Int {
        let rows = try await database.client.query("SELECT count(*) FROM \(unescaped: table) WHERE \(unescaped: condition)")
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    /// Row counts of every table a push writes.
    func writtenCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["change_result", "change_log", "row_field", "conflict", "row_owner"] {
            counts[table] = try await count(table)
        }
        return counts
    }
}
