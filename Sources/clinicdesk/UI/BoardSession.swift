import ClinicDeskLive
import ClinicStore
import Foundation
import FrontDesk
import Logging
import TerminalKit
import TerminalKitNcurses

#if canImport(Glibc)
    import Glibc
#endif

/// Puts the waiting-room board on the terminal: loads the theme and opens the database before
/// taking the screen (so a bad file or path fails with one line), logs to the app's log file,
/// and always gives the terminal back.
enum BoardSession {
    /// How often to try again to open a database another process holds locked.
    static let retryInterval: Duration = .milliseconds(500)

    static func run(database: String, theme themeName: String, names: BoardNames) async throws {
        let theme = try UIResources.theme(named: themeName)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure("The board needs a terminal: standard input and output must not be redirected.")
        }
        let store = try await open(database)
        let logger = try TerminalSession.makeLogger()
        logger.info("board on \(database) (theme \(themeName), names \(names.rawValue))")
        let client = try LiveBoardClient.make(store: store, log: { logger.info("\($0)") })
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(theme: theme)
        } catch {
            throw CommandFailure("Cannot take over the terminal: \(error)")
        }
        await BoardRuntime.run(backend: backend, client: client, names: names)
        backend.stop()
    }

    /// Opens the database; while another process holds it locked, says so once on standard
    /// error and keeps trying (a board on a wall should come up by itself once the lock goes).
    static func open(_ path: String) async throws -> ClinicStore {
        var said = false
        while true {
            do {
                return try ClinicStore.open(at: path)
            } catch {
                guard case .locked = error else { throw error }
                if !said {
                    FileHandle.standardError.write(Data("Waiting for \(path): another process holds it locked…\n".utf8))
                    said = true
                }
            }
            try await Task.sleep(for: retryInterval)
        }
    }
}
