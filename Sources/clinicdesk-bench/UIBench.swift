import ArgumentParser
import ClinicCore
import ClinicDeskLive
import ClinicStore
import Foundation
import FrontDesk
import ShippedKeymaps
import TerminalKit

/// `clinicdesk-bench ui`: cost of a full frame, and how soon another process's check-in shows.
struct UIBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ui", abstract: "Frame cost and cross-process refresh latency.")

    @Option(help: "Check-ins the writer process makes.")
    var checkIns = 60

    @Option(help: "Folder for cached benchmark databases.")
    var folder = ".build/bench"

    @Option(help: "Frames to time.")
    var frames = 1_000

    @Flag(help: "Only the frame cost (for profiling under valgrind).")
    var framesOnly = false

    func run() async throws {
        let store = try BenchDatabase.open(patients: 5_000, seed: 20_261_121, folder: folder)
        let dependencies = try LiveDependencies.make(store: store, hasher: BenchDatabase.hasher, log: { _ in })
        let keymap = Keymap.load([KeymapSource(path: "keymaps/default.toml", text: ShippedKeymaps.all["default"]!)],
                                 catalog: AppCommands.catalog, contexts: AppContexts.all).keymap
        try await frameCost(dependencies: dependencies, keymap: keymap)
        guard !framesOnly else { return }
        try await refreshLatency(store: store, dependencies: dependencies, keymap: keymap)
    }

    /// Rendering the whole 200×60 main screen and diffing it against the previous frame.
    private func frameCost(dependencies: Dependencies, keymap: Keymap) async throws {
        var state = AppState(clinicName: dependencies.clinicName, keymap: keymap, dateOrder: .dayMonthYear,
                             size: Size(width: 200, height: 60), now: dependencies.now(), timeZone: dependencies.timeZone)
        let runner = EffectRunner(dependencies: dependencies)
        let answer = try await dependencies.shell.signIn("receptionist", "demo")
        guard case .signedIn = answer else { throw BenchFailure("cannot sign in: \(answer)") }
        for effect in reduce(&state, .shell(.signInAnswered(answer))) {
            for answer in await runner.run(effect) { _ = reduce(&state, answer) }
        }
        var previous = AppRenderer.render(state)
        var samples: [Double] = []
        var renders: [Double] = []
        var diffs: [Double] = []
        for minute in 1...frames {
            state.session.now = state.now.addingTimeInterval(60)  // wait times and the clock change every frame
            if minute % 7 == 0 { _ = reduce(&state, .event(.key(KeyPress(.down)))) }
            let started = monotonicSeconds()
            let frame = AppRenderer.render(state)
            let rendered = monotonicSeconds()
            let changes = frame.diff(from: previous)
            let finished = monotonicSeconds()
            samples.append(finished - started)
            renders.append(rendered - started)
            diffs.append(finished - rendered)
            precondition(!changes.isEmpty || minute % 1440 == 0)
            previous = frame
        }
        print("full frame 200×60 (render the whole main screen + diff against the last frame), \(frames) frames:")
        print("  " + Latencies(samples: samples).summary + "   (goal < 1 ms)")
        print("    render " + Latencies(samples: renders).summary)
        print("    diff   " + Latencies(samples: diffs).summary)
    }

    /// Another process checks patients in; how long until this process's queue pane shows each one.
    private func refreshLatency(store: ClinicStore, dependencies: Dependencies, keymap: Keymap) async throws {
        let backend = MemoryBackend(size: Size(width: 120, height: 32))
        let app = Task { await AppRuntime.run(backend: backend, dependencies: dependencies, keymap: keymap, dateOrder: .dayMonthYear) }
        defer { app.cancel(); backend.stop() }
        backend.send("receptionist".map { KeyEvent.key(KeyPress(.char($0))) } + [.key(KeyPress(.tab))]
                     + "demo".map { KeyEvent.key(KeyPress(.char($0))) } + [.key(KeyPress(.enter))])
        try await waitForScreen(backend, containing: "Queue —", seconds: 20)
        // The pane's title counts who is waiting, so each check-in changes what is drawn even when
        // the new row is below the fold.
        var waiting = try store.queue(on: store.today()).filter { $0.visit.status == .waiting }.count
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        writer.arguments = ["ui-writer", "--db", store.path, "--count", String(checkIns)]
        let pipe = Pipe()
        writer.standardOutput = pipe
        try writer.run()
        var latencies: [Double] = []
        for await line in Self.lines(of: pipe.fileHandleForReading) {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, let committed = Double(parts[0]) else { continue }
            waiting += 1
            try await waitForScreen(backend, containing: "Queue — \(waiting) waiting", seconds: 10)
            latencies.append(Date().timeIntervalSince1970 - committed)
        }
        writer.waitUntilExit()
        print("another process's check-in → redrawn queue pane (store notification, reload, render), \(latencies.count) check-ins:")
        print("  " + Latencies(samples: latencies).summary + "   (goal p99 ≤ 300 ms)")
    }

    /// The lines a child process writes, as they come (read on a thread of their own).
    static func lines(of handle: FileHandle) -> AsyncStream<String> {
        AsyncStream { continuation in
            Thread {
                var buffer = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                    while let newline = buffer.firstIndex(of: 10) {
                        continuation.yield(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                        buffer.removeSubrange(buffer.startIndex...newline)
                    }
                }
                continuation.finish()
            }.start()
        }
    }

    private func waitForScreen(_ backend: MemoryBackend, containing text: String, seconds: Double) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if backend.presentedBuffer?.textRows.contains(where: { $0.contains(text) }) == true { return }
            try await Task.sleep(for: .milliseconds(1))
        }
        throw BenchFailure("“\(text)” never appeared on the screen")
    }
}

/// The second process of the refresh benchmark: checks walk-ins in, printing `commit time<TAB>name`.
struct UIWriter: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ui-writer", shouldDisplay: false)

    @Option var db: String
    @Option var count: Int

    func run() throws {
        let store = try ClinicStore.open(at: db)
        let queued = Set(try store.queue(on: store.today()).map(\.visit.patientID))
        var serial = 100
        var done = 0
        while done < count {
            serial += 1
            guard let patient = try store.searchPatients(text: "#RFC-\(Digits.padded(serial, 6))").first,
                  !queued.contains(patient.id) else { continue }
            Thread.sleep(forTimeInterval: 0.15 + Double(done % 5) * 0.013)
            try store.checkInWalkIn(patient: patient.id, by: .system("bench"))
            FileHandle.standardOutput.write(Data("\(Date().timeIntervalSince1970)\t\(patient.displayName)\n".utf8))
            done += 1
        }
    }
}
