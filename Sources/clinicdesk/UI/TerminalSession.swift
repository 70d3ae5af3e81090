import ClinicCore
import ClinicDeskLive
import ClinicPrint
import ClinicStore
import ClinicSync
import Foundation
import FrontDesk
import Logging
import PasswordHashing
import TerminalKit
import TerminalKitNcurses
#if canImport(Glibc)
import Glibc
#endif

/// Opens the full-screen app on a clinic database: loads the theme and keymap first (so a
/// bad file fails before the screen is taken), logs to a file, runs until the user quits.
enum TerminalSession {
    struct Options {
        var database: String
        var theme: String
        var keymap: String
        var dateOrder: DateOrder
        var settings = AppSettings()
        /// Printed slips' paper; they are written to `slips/` in the data folder.
        var paper = PaperSize.a4
        /// The CUPS printer slips go to; nil writes the PDF and says where.
        var printer: String?
        var lockout = SignInLockout.standard
    }

    static func run(_ options: Options) async throws {
        let theme = try UIResources.theme(named: options.theme)
        let keymap = try UIResources.keymap(named: options.keymap)
        let store = try ClinicStore.open(at: options.database)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure("ClinicDesk needs a terminal: standard input and output must not be redirected.")
        }
        let logger = try makeLogger()
        logger.info("opening \(options.database) (theme \(options.theme), keymap \(options.keymap))")
        let dependencies = try LiveDependencies.make(
            store: store, hasher: Argon2idHasher(), dateOrder: options.dateOrder,
            slips: ClinicPaths.dataDirectory().appendingPathComponent("slips"), paper: options.paper, printer: options.printer,
            lockout: options.lockout, log: { logger.info("\($0)") })
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(theme: theme)
        } catch {
            throw CommandFailure("Cannot take over the terminal: \(error)")
        }
        // When enrolled, this terminal also syncs in the background; the lease keeps it to one process per database.
        let sync = Task {
            guard (try? store.syncSettings()) != nil else { return }
            let runner = SyncRunner(store: store, transport: HTTPSyncTransport(), log: { logger.info("\($0)") })
            await runner.watch(changes: try? store.externalChanges(every: .milliseconds(500)))
        }
        await AppRuntime.run(backend: backend, dependencies: dependencies, keymap: keymap, dateOrder: options.dateOrder,
                             settings: options.settings)
        sync.cancel()
        backend.stop()
        // Whoever was still signed in (or parked on the lock screen) is signed out by closing.
        try? store.endSessions(ofProcess: getpid(), reason: "terminal closed")
    }

    /// A logger writing to `$XDG_STATE_HOME/clinicdesk/clinicdesk.log`, never to the screen.
    static func makeLogger() throws -> Logger {
        let file = ClinicPaths.stateDirectory().appendingPathComponent("clinicdesk.log")
        let sink: FileLogHandler.Sink
        do {
            sink = try FileLogHandler.openSink(at: file)
        } catch {
            throw CommandFailure("Cannot open the log file \(file.path): \(error.localizedDescription)")
        }
        return Logger(label: "clinicdesk") { label in FileLogHandler(label: label, sink: sink) }
    }
}
