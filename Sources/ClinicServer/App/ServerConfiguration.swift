public import ClinicCore
public import Logging

/// What the server needs to run: where to listen, its database, its clock and logger.
public struct ServerConfiguration: Sendable {
    /// Address to listen on (`127.0.0.1` by default; `0.0.0.0` for every interface).
    public var host: String
    /// Port to listen on; 0 picks a free one (reported through `onListening`).
    public var port: Int
    public var database: DatabaseURL
    /// The server's clock: clock-skew checks, enrollment code expiry, timestamps. Tests fix it.
    public var clock: WallClock
    public var logger: Logger

    /// A configuration; only the database has no default.
    public init(
        database: DatabaseURL, host: String = "127.0.0.1", port: Int = 8080, clock: WallClock = .system,
        logger: Logger = Logger(label: "clinicdesk-server")
    ) {
        self.database = database
        self.host = host
        self.port = port
        self.clock = clock
        self.logger = logger
    }
}
