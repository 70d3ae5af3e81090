public import ClinicServer
import Foundation
public import Logging
import PostgresNIO

/// Throwaway PostgreSQL databases for tests: each test gets its own, so tests run in parallel.
public enum ScratchDatabase {
    /// The environment variable naming the PostgreSQL server tests may create databases on
    /// (set by `start_test_postgres` in `scripts/lib/postgres.sh`).
    public static let environmentVariable = "CLINICDESK_TEST_DATABASE_URL"

    /// The admin URL from ``environmentVariable``; nil when it is unset (tests then skip).
    public static var adminURL: DatabaseURL? {
        guard let text = ProcessInfo.processInfo.environment[environmentVariable], !text.isEmpty else { return nil }
        return try? DatabaseURL(parsing: text)
    }

    /// Creates a fresh database next to `adminURL`'s, migrates it (unless `migrated` is false),
    /// runs `body` with its URL, then drops it — also when `body` throws.
    public static func withDatabase<Result>(
        adminURL: DatabaseURL, migrated: Bool = true, logger: Logger = Logger(label: "clinicdesk-test"),
        _ body: (DatabaseURL) async throws -> Result
    ) async throws -> Result {
        let name = "clinicdesk_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let url = adminURL.with(database: name)
        try await ServerDatabase.withRunning(adminURL, logger: logger) { admin in
            try await admin.client.query("CREATE DATABASE \(unescaped: name)", logger: logger)
        }
        let result: Result
        do {
            if migrated {
                try await ServerDatabase.withRunning(url, logger: logger) { database in
                    try await Migrator(database: database).migrate()
                }
            }
            result = try await body(url)
        } catch {
            try? await drop(name, adminURL: adminURL, logger: logger)
            throw error
        }
        try await drop(name, adminURL: adminURL, logger: logger)
        return result
    }

    private static func drop(_ name: String, adminURL: DatabaseURL, logger: Logger) async throws {
        try await ServerDatabase.withRunning(adminURL, logger: logger) { admin in
            try await admin.client.query("DROP DATABASE IF EXISTS \(unescaped: name) WITH (FORCE)", logger: logger)
        }
    }
}
