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
    /// How long to keep trying to open a database that another process holds locked.
    static let openPatience: TimeInterval = 30

    static func run(database: String, theme themeName: String, names: BoardNames) async throws {
        let theme = try UIResources.theme(named: themeName)
        let store = try await open(database)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure("The board needs a terminal: standard input and output must not be redirected.")
        }
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

    /// Opens the database, waiting a while if another process has it locked right now.
    static func open(_ path: String) async throws -> ClinicStore {
        let deadline = Date().addingTimeInterval(openPatience)
        while true {
            do {
                return try ClinicStore.open(at: path)
            } catch {
                guard case .locked = error, Date() < deadline else { throw error }
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}
