public import Hummingbird
import Logging
import PostgresNIO

/// Builds and runs the sync server.
///
/// ```swift
/// let app = ClinicServerApp.build(ServerConfiguration(database: url, port: 0)) { port in print(port) }
/// try await app.runService()
/// ```
public enum ClinicServerApp {
    /// How long a connection may stay silent before the server closes it: longer than the
    /// usual load balancer keep-alive (60 s), and a bound on clients that stop mid-request.
    public static let idleTimeout: TimeAmount = .seconds(75)

    /// The application: the HTTP API plus the PostgreSQL pool it runs as a service.
    ///
    /// It does not check the schema; ``serve(_:)`` does, and tests migrate first.
    /// - Parameter onListening: called once with the port the server listens on (useful with port 0).
    public static func build(
        _ configuration: ServerConfiguration, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let database = ServerDatabase(url: configuration.database, logger: configuration.logger)
        let api = SyncAPI(database: database, clock: configuration.clock)
        return Application(
            router: api.router(),
            server: .http1(configuration: .init(idleTimeout: idleTimeout)),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "clinicdesk-server"
            ),
            services: [database.client],
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
            logger: configuration.logger
        )
    }

    /// Refuses to serve a database that is missing migrations (or was migrated by a newer server).
    public static func checkSchema(_ database: ServerDatabase) async throws {
        let pending = try await Migrator(database: database).pendingMigrations()
        guard pending.isEmpty else { throw MigrationError.pending(pending) }
    }

    /// Checks the schema, then serves until SIGINT or SIGTERM (graceful shutdown).
    public static func serve(_ configuration: ServerConfiguration) async throws {
        try await ServerDatabase.withRunning(configuration.database, logger: configuration.logger) { database in
            try await checkSchema(database)
        }
        let app = build(configuration) { port in
            configuration.logger.notice("serving", metadata: ["host": "\(configuration.host)", "port": "\(port)"])
        }
        try await app.runService()
    }
}
