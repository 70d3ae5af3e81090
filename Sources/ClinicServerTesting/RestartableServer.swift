public import ClinicServer
import Hummingbird
import ServiceLifecycle

/// The real server (HTTP API and PostgreSQL pool) running in this process, which a test can
/// stop and start again on the same port, as an operator restarts `clinicdesk-server`.
///
/// It stops the way SIGTERM stops the real server: a graceful shutdown that closes the
/// listener, lets requests in flight finish, then closes the database pool. Cancelling the
/// server's task instead cancels the pool and the listener together, which can strand a
/// request waiting for a database connection, so that the server never finishes stopping.
public actor RestartableServer {
    public let configuration: ServerConfiguration
    private var running: (group: ServiceGroup, task: Task<Void, any Error>)?

    public init(configuration: ServerConfiguration) {
        self.configuration = configuration
    }

    /// Starts the server and returns once it listens, with the port it listens on.
    @discardableResult
    public func start() async throws -> Int {
        await stop()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = ClinicServerApp.build(configuration) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: configuration.logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var listening = ports.makeAsyncIterator()
        guard let port = await listening.next() else {
            // It stopped before it listened (the port is taken, say): report why.
            try await task.value
            throw TestServerError(description: "the test server stopped before it listened")
        }
        running = (group, task)
        return port
    }

    /// Stops the server gracefully and waits until it has stopped; does nothing when stopped.
    public func stop() async {
        guard let running else { return }
        self.running = nil
        await running.group.triggerGracefulShutdown()
        _ = try? await running.task.value
    }
}
