public import ClinicServer
import Hummingbird
import Logging

/// A sync server started for a test, listening on a free loopback port.
public struct RunningServer: Sendable, Hashable {
    public let host: String
    public let port: Int
    /// The database behind it.
    public let database: DatabaseURL

    /// `http://127.0.0.1:PORT`, to which the API's routes are appended.
    public var baseURL: String { "http://\(host):\(port)" }

    /// A one-time enrollment code for the clinic named `clinic`, creating the clinic first
    /// when it does not exist yet (what an operator does with `clinicdesk-server clinic …`).
    public func enrollmentCode(forClinic clinic: String) async throws -> String {
        var logger = Logger(label: "clinicdesk-test")
        logger.logLevel = .error
        return try await ServerDatabase.withRunning(database, logger: logger) { database in
            let directory = ClinicDirectory(database: database)
            do {
                return try await directory.issueCode(forClinicNamed: clinic).code
            } catch ClinicDirectoryError.noSuchClinic {
                return try await directory.addClinic(named: clinic).code.code
            }
        }
    }
}

/// Why a test server did not come up.
public struct TestServerError: Error, CustomStringConvertible {
    public let description: String
}

extension RunningServer {
    /// Starts the real server (HTTP API and PostgreSQL pool) on a free port of
    /// `configuration.host`, runs `body`, then shuts the server down gracefully.
    ///
    /// The database must already be migrated (``ScratchDatabase/withDatabase(adminURL:migrated:logger:_:)``
    /// does that). `configuration.port` is ignored.
    public static func withServer<Result>(
        _ configuration: ServerConfiguration, _ body: (RunningServer) async throws -> Result
    ) async throws -> Result {
        var configuration = configuration
        configuration.port = 0
        let server = RestartableServer(configuration: configuration)
        let port = try await server.start()
        do {
            let result = try await body(RunningServer(host: configuration.host, port: port, database: configuration.database))
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}
