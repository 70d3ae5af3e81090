import Logging
import PostgresNIO

/// Applies ``Migration``s in order, each in its own transaction, recording them in
/// `schema_migrations`. Running it again applies nothing; two runners at once take turns
/// (an advisory lock), so two servers starting together cannot both migrate.
public struct Migrator: Sendable {
    public let database: ServerDatabase
    public let migrations: [Migration]

    /// An arbitrary constant naming the migration lock ("Clinic" in ASCII).
    static let lockKey: Int64 = 0x436C_696E_6963

    /// A runner for `migrations` (the server's own list unless a test passes another).
    public init(database: ServerDatabase, migrations: [Migration] = Migrations.all) {
        self.database = database
        self.migrations = migrations
    }

    /// Applies every pending migration; returns the ones it applied (empty when up to date).
    @discardableResult
    public func migrate() async throws -> [Migration] {
        try await database.transaction { connection in
            try await lock(connection)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                logger: database.logger
            )
        }
        var applied: [Migration] = []
        for migration in migrations {
            let didApply = try await database.transaction { connection in
                try await lock(connection)
                let recorded = try await recordedMigrations(connection)
                if recorded[migration.version] != nil { return false }
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: database.logger)
                }
                try await connection.query(
                    """
                    INSERT INTO schema_migrations (version, name, checksum)
                    VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                    """,
                    logger: database.logger
                )
                return true
            }
            if didApply {
                database.logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                applied.append(migration)
            }
        }
        return applied
    }

    /// The migrations this server knows that the database has not had yet.
    ///
    /// Throws ``MigrationError`` when the database was migrated by a newer server or a landed
    /// migration was edited afterwards.
    public func pendingMigrations() async throws -> [Migration] {
        try await database.transaction(.snapshotRead) { connection in
            let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: database.logger)
            var tableExists = false
            for try await value in exists.decode(Bool.self) { tableExists = value }
            guard tableExists else { return migrations }
            let recorded = try await recordedMigrations(connection)
            return migrations.filter { recorded[$0.version] == nil }
        }
    }

    private func lock(_ connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: database.logger)
    }

    /// Version → checksum of what the database has applied, checked against this server's list.
    private func recordedMigrations(_ connection: PostgresConnection) async throws -> [Int: String] {
        let rows = try await connection.query("SELECT version, name, checksum FROM schema_migrations", logger: database.logger)
        var recorded: [Int: String] = [:]
        for try await (version, name, checksum) in rows.decode((Int, String, String).self) {
            guard let known = migrations.first(where: { $0.version == version }) else {
                throw MigrationError.unknownMigration(version: version, name: name)
            }
            guard known.checksum == checksum else { throw MigrationError.editedMigration(version: version, name: name) }
            recorded[version] = checksum
        }
        return recorded
    }
}

/// Why the schema cannot be brought up to date, or why the server will not start on it.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// The database has a migration this server does not know: it was migrated by a newer server.
    case unknownMigration(version: Int, name: String)
    /// A migration's SQL changed after the database applied it.
    case editedMigration(version: Int, name: String)
    /// The database is behind this server.
    case pending([Migration])

    public var description: String {
        switch self {
        case let .unknownMigration(version, name):
            "The database has migration \(version) (\(name)), which this server does not know; "
                + "it was migrated by a newer clinicdesk-server."
        case let .editedMigration(version, name):
            "Migration \(version) (\(name)) was changed after this database applied it; landed migrations must never be edited."
        case let .pending(migrations):
            "The database needs \(migrations.count) migration\(migrations.count == 1 ? "" : "s") "
                + "(\(migrations.map { "\($0.version) \($0.name)" }.joined(separator: ", "))); "
                + "run `clinicdesk-server migrate` first."
        }
    }
}
