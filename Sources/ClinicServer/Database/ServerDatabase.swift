public import Logging
public import PostgresNIO

/// The server's one door to PostgreSQL: a connection pool plus the transaction helper every
/// repository uses.
///
/// The pool only works while ``run()`` is active: the application runs it as one of its
/// services; operator commands use ``withRunning(_:logger:_:)``.
public struct ServerDatabase: Sendable {
    /// The connection pool.
    public let client: PostgresClient
    /// Where the database is (for messages; the password is never printed).
    public let url: DatabaseURL
    let logger: Logger

    /// A pool for `url`; nothing connects until ``run()`` is running and a query is made.
    /// - Parameter backgroundLogger: where the pool reports its own work (connections opened
    ///   and lost); `logger` when not given.
    public init(url: DatabaseURL, logger: Logger, backgroundLogger: Logger? = nil) {
        self.url = url
        self.logger = logger
        client = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: backgroundLogger ?? logger)
    }

    /// Runs the pool until the calling task is cancelled.
    public func run() async {
        await client.run()
    }

    /// Runs `body` with a running pool for `url`, then closes it.
    @discardableResult
    public static func withRunning<Result>(
        _ url: DatabaseURL, logger: Logger, _ body: (ServerDatabase) async throws -> Result
    ) async throws -> Result {
        // A query may be queued before the pool's task starts; the pool's warning about that is noise here.
        var background = logger
        background.logLevel = max(logger.logLevel, .error)
        let database = ServerDatabase(url: url, logger: logger, backgroundLogger: background)
        return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            return try await body(database)
        }
    }

    /// How a transaction sees other transactions' commits.
    enum Isolation: String {
        /// Each statement sees what was committed before it started (PostgreSQL's default).
        case readCommitted = "READ COMMITTED"
        /// One snapshot for the whole transaction, read only: consistent multi-query reads.
        case snapshotRead = "REPEATABLE READ READ ONLY"
    }

    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back
    /// when it throws. The error `body` threw is rethrown unchanged.
    func transaction<Result: Sendable>(
        _ isolation: Isolation = .readCommitted, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await client.withConnection { connection in
            try await connection.query("BEGIN ISOLATION LEVEL \(unescaped: isolation.rawValue)", logger: logger)
            let result: Result
            do {
                result = try await body(connection)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
            try await connection.query("COMMIT", logger: logger)
            return result
        }
    }

    /// Like ``transaction(_:_:)``, retried a few times when PostgreSQL aborts it to break a
    /// deadlock or a serialization conflict (both are safe to run again).
    func retryingTransaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        var attempt = 1
        while true {
            do {
                return try await transaction(.readCommitted, body)
            } catch let error as PSQLError where error.isRetryable && attempt < 4 {
                logger.notice("transaction aborted by PostgreSQL; retrying", metadata: ["attempt": "\(attempt)"])
                attempt += 1
            }
        }
    }

    /// Whether PostgreSQL answers a trivial query within `timeout`.
    public func isReachable(timeout: Duration = .seconds(2)) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                do {
                    for try await _ in try await client.query("SELECT 1", logger: logger) {}
                    return true
                } catch {
                    return false
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}
