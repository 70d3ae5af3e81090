import Foundation
import Synchronization
public import TerminalKit

/// A real terminal through ncursesw: the one place ClinicDesk talks to curses.
///
/// All curses work runs on a dedicated thread owned by the backend (curses is not
/// thread-safe). The app reads ``events`` from any task and calls ``present(_:cursor:)``
/// from anywhere; frames are coalesced so the curses thread always draws the newest one,
/// and only the cells that changed (see ``Backend`` for the full contract).
///
/// The terminal is restored by ``stop()``, when the backend is released, on SIGINT,
/// SIGTERM, SIGHUP and SIGQUIT (the signal is then delivered again with the program's
/// previous handler, by default ending it), and around C-z / SIGTSTP, after which the
/// screen is redrawn in full. Prefer ``run(theme:configuration:_:)``, which stops the
/// backend however the body ends.
///
/// ```swift
/// try await NcursesBackend.run(theme: theme) { terminal in
///     for await event in terminal.events {
///         state.handle(event)
///         terminal.present(render(state, size: terminal.size))
///     }
/// }
/// ```
public final class NcursesBackend: Backend {
    private let shared: CursesShared

    public let events: AsyncStream<KeyEvent>

    /// Takes the terminal and starts the curses thread.
    ///
    /// Throws when standard input or output is not a terminal or `TERM` is unusable.
    public init(theme: Theme = .fallback, configuration: Configuration = Configuration()) throws(NcursesBackendError) {
        let (stream, continuation) = AsyncStream.makeStream(of: KeyEvent.self, bufferingPolicy: .unbounded)
        let wake = try SelfPipe()
        let signals: SelfPipe
        do {
            signals = try SelfPipe()
        } catch {
            wake.close()
            throw error
        }
        let shared = CursesShared(wake: wake, continuation: continuation)
        let session = CursesSession(shared: shared, signals: signals, theme: theme, configuration: configuration)
        shared.finished.enter()
        let thread = Thread { session.run() }
        thread.name = "TerminalKit.curses"
        thread.start()
        shared.started.wait()
        if case .failure(let error)? = shared.mailbox.withLock({ $0.startup }) {
            shared.finished.wait()
            wake.close()
            throw error
        }
        self.shared = shared
        self.events = stream
    }

    deinit {
        stop()
        shared.wake.close()
    }

    public var size: Size { shared.mailbox.withLock { $0.size } }

    public var colorMode: ColorMode { shared.mailbox.withLock { $0.colorMode } }

    public func present(_ buffer: Buffer, cursor: Position?) {
        shared.mailbox.withLock { $0.frame = (buffer, cursor) }
        shared.wake.signal()
    }

    public func setTheme(_ theme: Theme) {
        shared.mailbox.withLock { $0.theme = theme }
        shared.wake.signal()
    }

    /// Restores the terminal and waits until the curses thread has finished. Idempotent.
    public func stop() {
        shared.mailbox.withLock { $0.stopRequested = true }
        shared.wake.signal()
        shared.finished.wait()
    }

    /// Runs `body` with a started backend and stops it afterwards, whether `body` returns or throws.
    public static func run<T>(
        theme: Theme = .fallback,
        configuration: Configuration = Configuration(),
        isolation: isolated (any Actor)? = #isolation,
        _ body: (NcursesBackend) async throws -> T
    ) async throws -> T {
        let backend = try NcursesBackend(theme: theme, configuration: configuration)
        defer { backend.stop() }
        return try await body(backend)
    }
}
