import ArgumentParser
import ClinicServer
import Logging

/// `clinicdesk-server serve`: runs the sync API until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the sync API (refuses to start while migrations are pending)."
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: ArgumentHelp("Log level: trace, debug, info, notice, warning, error, critical.", valueName: "level"))
    var logLevel: String = "info"
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level “\(logLevel)” is not a log level.") }
    }

    func run() async throws {
        let logger = Operator.bootstrapLogging(level: Logger.Level(rawValue: logLevel) ?? .info)
        let url = try database.resolved()
        try await Operator.probe(url, logger: logger)
        do {
            try await ClinicServerApp.serve(ServerConfiguration(database: url, host: host, port: port, logger: logger))
        } catch let error as MigrationError {
            throw CommandFailure(error.description)
        } catch {
            let reason = Operator.failure(error, url: url).description
            if reason.contains("Address already in use") {
                throw CommandFailure("Cannot listen on \(host):\(port): the port is already in use.")
            }
            throw CommandFailure("The server stopped: \(reason)")
        }
    }
}
