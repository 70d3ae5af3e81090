import ArgumentParser
import ClinicCore
import ClinicDeskLive
import ClinicStore
import Foundation
import FrontDesk
import ShippedKeymaps
import TerminalKit

/// One terminal of `clinicdesk-bench terminals`: the app (FrontDesk's ``AppRuntime`` on an
/// in-memory screen) signed in as the receptionist, as idle as a real desk between keys.
///
/// Protocol on standard input and output, one line each: it prints `ready` once the queue is
/// on screen; `watch NAME` asks it to print `seen<TAB>TIME<TAB>NAME` when NAME first shows on
/// a frame (TIME in seconds since 1970); end of input ends it.
struct TerminalWatcher: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "terminal", shouldDisplay: false)

    @Option var db: String
    @Option var width = 120
    @Option var height = 32
    @Option(help: "How other processes' commits are noticed: watch (the app's way) or poll (every 50 ms).")
    var changes = ChangeMechanism.watch

    func run() async throws {
        let store = try ClinicStore.open(at: db)
        var dependencies = try LiveDependencies.make(store: store, hasher: BenchDatabase.hasher, log: { _ in })
        if changes == .poll {
            dependencies.externalChanges = {
                (try? store.dataChanges(try store.externalChanges(every: .milliseconds(50)))) ?? AsyncStream { $0.finish() }
            }
        }
        let keymap = Keymap.load(
            [KeymapSource(path: "keymaps/default.toml", text: ShippedKeymaps.all["default"]!)],
            catalog: AppCommands.catalog, contexts: AppContexts.all
        ).keymap
        let backend = WatchingBackend(size: Size(width: width, height: height)) { name, time in
            Self.say("seen\t\(time)\t\(name)")
        }
        let app = Task {
            // A day before the idle lock: the desk stays signed in however many check-ins are measured.
            await AppRuntime.run(backend: backend, dependencies: dependencies, keymap: keymap, dateOrder: .dayMonthYear,
                                 settings: AppSettings(idleLockSeconds: 24 * 3600))
        }
        defer {
            app.cancel()
            backend.stop()
        }
        backend.send(
            Self.typing("receptionist") + [.key(KeyPress(.tab))] + Self.typing("demo") + [.key(KeyPress(.enter))])
        let deadline = Date().addingTimeInterval(60)
        while backend.presentedBuffer?.textRows.contains(where: { $0.contains("Queue —") }) != true {
            guard Date() < deadline else { throw BenchFailure("the terminal never showed its queue") }
            try await Task.sleep(for: .milliseconds(20))
        }
        Self.say("ready")
        for await line in UIBench.lines(of: FileHandle.standardInput) where line.hasPrefix("watch ") {
            backend.await(String(line.dropFirst("watch ".count)))
        }
    }

    static func typing(_ text: String) -> [KeyEvent] {
        text.map { KeyEvent.key(KeyPress(.char($0))) }
    }

    /// One line on standard output, written at once (unbuffered).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// How a terminal learns of other processes' commits, for comparing the two.
enum ChangeMechanism: String, CaseIterable, ExpressibleByArgument {
    /// ``ClinicStore/externalChanges()``: inotify on the database's folder, confirmed by `PRAGMA data_version`.
    case watch
    /// ``ClinicStore/externalChanges(every:)`` at 50 ms: `PRAGMA data_version` twenty times a second.
    case poll

    var words: String {
        switch self {
        case .watch: "watching the database's files (inotify), confirmed by PRAGMA data_version, 1 s safety read"
        case .poll: "polling PRAGMA data_version every 50 ms"
        }
    }
}
