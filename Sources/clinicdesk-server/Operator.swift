import ClinicServer
import Foundation
import Logging
import PostgresNIO

/// What every operator command does around its work: logging to stderr, a first connection
/// that turns "cannot reach the database" into one clear line, and errors as one line each.
enum Operator {
    /// Sends logs to standard error at `level` (or `$LOG_LEVEL`). Call once per process.
    static func bootstrapLogging(level: Logger.Level) -> Logger {
        let chosen = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? level
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = chosen
            return handler
        }
        return Logger(label: "clinicdesk-server")
    }

    /// Connects once to check the database is there, then runs `body` with a pool.
    static func withDatabase<Result>(
        _ url: DatabaseURL, logger: Logger, _ body: (ServerDatabase) async throws -> Result
    ) async throws -> Result {
        try await probe(url, logger: logger)
        do {
            return try await ServerDatabase.withRunning(url, logger: logger, body)
        } catch {
            throw failure(error, url: url)
        }
    }

    /// Opens and closes one connection, failing with a readable reason.
    static func probe(_ url: DatabaseURL, logger: Logger) async throws {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try url.connectionConfiguration(connectTimeout: .seconds(5)), id: 0, logger: logger
            )
            try await connection.close()
        } catch {
            throw failure(error, url: url)
        }
    }

    /// `error` as one line for the operator.
    static func failure(_ error: any Error, url: DatabaseURL) -> CommandFailure {
        switch error {
        case let error as CommandFailure:
            return error
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] {
                return CommandFailure("PostgreSQL at \(url.host):\(url.port) said: \(message)")
            }
            var reason = error.underlying.map { String(describing: $0) } ?? error.code.description
            if reason.contains("Connection refused") { reason = "connection refused; is PostgreSQL running there?" }
            return CommandFailure("Cannot connect to PostgreSQL at \(url.host):\(url.port) (database \(url.database)): \(reason)")
        case let error as any CustomStringConvertible:
            return CommandFailure(error.description.split(separator: "\n").first.map(String.init) ?? "unknown error")
        default:
            return CommandFailure("Unexpected error: \(type(of: error))")
        }
    }
}
