import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation

/// `clinicdesk-bench terminals`: a clinic's worth of terminals on one database. Starts
/// `--terminals` app processes (``TerminalWatcher``), leaves them idle while their CPU is
/// measured, then checks a patient in once a second from this process and times how soon each
/// terminal's screen shows the name — once for each way of noticing commits (``ChangeMechanism``).
struct TerminalsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminals",
        abstract: "Many terminals on one database: check-in → visible on all, and their idle CPU.")

    @Option(help: "Terminals: app runtimes on in-memory screens, one process each.")
    var terminals = 30

    @Option(help: "Check-ins, one a second, for each way of noticing commits (p99 of 200 is the second slowest).")
    var checkIns = 200

    @Flag(help: "Print how long each check-in took to show on all terminals (to see whether the slow ones recur).")
    var each = false

    @Option(help: "Seconds the idle terminals' CPU is measured over.")
    var idleSeconds = 60

    @Option(
        parsing: .upToNextOption, help: "Ways of noticing commits to measure: watch (the app's), poll (every 50 ms).")
    var changes: [ChangeMechanism] = [.watch, .poll]

    @Option(help: "Folder for cached benchmark databases.")
    var folder = ".build/bench"

    /// How long a terminal may take to show a check-in before it counts as missed.
    static let patience: Duration = .seconds(10)

    static let author = Author.system("bench")

    func run() async throws {
        let path = try BenchDatabase.scratchCopy(patients: 5_000, seed: 20_261_121, folder: folder, name: "terminals")
        defer { BenchDatabase.remove(path) }
        let store = try ClinicStore.open(at: path)
        let probes = try prepare(store, count: checkIns * changes.count)
        print("\(terminals) terminals on one database (the app on a 120×32 in-memory screen, signed in,")
        print("  one process each), another process checking a patient in once a second (and taking the last")
        print("  one off the queue between):")
        var results: [(ChangeMechanism, Figures)] = []
        for (index, mechanism) in changes.enumerated() {
            let figures = try await measure(
                mechanism, store: store, database: path,
                probes: Array(probes[(index * checkIns)..<((index + 1) * checkIns)]))
            figures.print(mechanism, terminals: terminals, idleSeconds: idleSeconds)
            results.append((mechanism, figures))
        }
        if let watch = results.first(where: { $0.0 == .watch })?.1,
            let poll = results.first(where: { $0.0 == .poll })?.1
        {
            print(
                String(
                    format:
                        "  watching vs polling: idle CPU %.1f%% vs %.1f%% of one core (%.1f× less); "
                        + "visible on all, p99 %.0f vs %.0f ms",
                    watch.idle * 100, poll.idle * 100, poll.idle / max(watch.idle, 1e-9),
                    watch.allVisible.percentile(99) * 1000, poll.allVisible.percentile(99) * 1000))
        }
    }

    /// One fleet of terminals noticing commits by `mechanism`: idle first, then the check-ins.
    private func measure(_ mechanism: ChangeMechanism, store: ClinicStore, database: String, probes: [Patient])
        async throws -> Figures
    {
        let fleet = try TerminalFleet(count: terminals, database: database, changes: mechanism)
        defer { fleet.stop() }
        let sightings = Sightings(terminals: terminals)
        let reports = fleet.reports
        let collector = Task {
            for await (terminal, line) in reports { await sightings.heard(line, from: terminal) }
        }
        defer { collector.cancel() }
        try await sightings.waitUntilReady(timeout: .seconds(180))
        try await Task.sleep(for: .seconds(3))  // the first loads settle

        var figures = Figures()
        figures.memoryBefore = fleet.residentBytes()
        figures.idle = try await cpuShare(of: fleet) { try await Task.sleep(for: .seconds(idleSeconds)) }
        figures.busy = try await cpuShare(of: fleet) {
            let start = monotonicSeconds()
            for (round, probe) in probes.enumerated() {
                let name = probe.displayName
                fleet.tellAll("watch \(name)")
                try await sleep(until: start + Double(round))
                let visit = try store.checkInWalkIn(patient: probe.id, by: Self.author)
                let committed = Date().timeIntervalSince1970
                let seen = await sightings.waitForAll(name, patience: Self.patience)
                let latencies = seen.map { max(0, $0 - committed) }
                figures.missed += terminals - seen.count
                figures.eachVisible.samples += latencies
                if seen.count == terminals, let last = latencies.max() {
                    figures.allVisible.samples.append(last)
                    if each { Swift.print(String(format: "      check-in %3d visible on all in %6.1f ms (at %.3f)", round + 1, last * 1000, committed)) }
                }
                try store.markLeft(visit.id, by: Self.author)  // off the queue, so that the next one shows at its top
            }
        }
        figures.memoryAfter = fleet.residentBytes()
        return figures
    }

    /// What one fleet measured.
    struct Figures {
        var idle = 0.0
        var busy = 0.0
        var allVisible = Latencies(samples: [])
        var eachVisible = Latencies(samples: [])
        var missed = 0
        var memoryBefore: [Int] = []
        var memoryAfter: [Int] = []

        func print(_ mechanism: ChangeMechanism, terminals: Int, idleSeconds: Int) {
            Swift.print("  noticing commits by \(mechanism.words):")
            Swift.print(
                String(
                    format: "    idle, all %d together over %d s: %.1f%% of one core (%.2f%% each)   (goal ≤ 10%%)",
                    terminals, idleSeconds, idle * 100, idle * 100 / Double(terminals)))
            Swift.print("    check-in → visible on all \(terminals), \(allVisible.samples.count) check-ins:")
            Swift.print("      " + allVisible.summary + "   (goal p99 ≤ 300 ms)")
            let missing = missed > 0 ? ", \(missed) missed" : ""
            Swift.print("    → visible on each terminal, \(eachVisible.samples.count) sightings\(missing):")
            Swift.print("      " + eachVisible.summary)
            Swift.print(
                String(
                    format: "    all %d while a check-in and a departure came every second: %.1f%% of one core",
                    terminals, busy * 100))
            Swift.print(
                String(
                    format:
                        "    resident memory of the %d: %.0f MB idle, %.0f MB after the check-ins (largest %.0f MB)",
                    terminals, Double(memoryBefore.reduce(0, +)) / 1e6, Double(memoryAfter.reduce(0, +)) / 1e6,
                    Double(memoryAfter.max() ?? 0) / 1e6))
        }
    }

    /// Takes today's open visits off the queue (so that each new check-in shows at its top) and
    /// registers one patient per check-in, `Probe, T001` and on, before any terminal starts.
    private func prepare(_ store: ClinicStore, count: Int) throws -> [Patient] {
        for entry in try store.queue(on: store.today()) where [.waiting, .called].contains(entry.visit.status) {
            try store.markLeft(entry.visit.id, by: Self.author)
        }
        return try (1...count).map { index in
            try store.registerPatient(
                PatientDetails(familyName: "Probe", givenName: "T\(Digits.padded(index, 3))"), by: Self.author)
        }
    }

    /// The terminals' CPU while `body` runs, as a share of one core.
    private func cpuShare(of fleet: TerminalFleet, during body: () async throws -> Void) async throws -> Double {
        let cpu = fleet.cpuSeconds()
        let started = monotonicSeconds()
        try await body()
        return (fleet.cpuSeconds() - cpu) / (monotonicSeconds() - started)
    }

    private func sleep(until moment: Double) async throws {
        let wait = moment - monotonicSeconds()
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
    }
}

/// What the terminals have reported: who is ready, and when each saw each name.
actor Sightings {
    let terminals: Int
    private var ready = 0
    private var seen: [String: [Int: Double]] = [:]
    private var waiting: [String: CheckedContinuation<Void, Never>] = [:]

    init(terminals: Int) {
        self.terminals = terminals
    }

    /// One line from terminal `terminal`: `ready`, or `seen<TAB>time<TAB>name`.
    func heard(_ line: String, from terminal: Int) {
        if line == "ready" {
            ready += 1
            return
        }
        let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "seen", let time = Double(parts[1]) else { return }
        seen[parts[2], default: [:]][terminal] = time
        if seen[parts[2]]?.count == terminals { waiting.removeValue(forKey: parts[2])?.resume() }
    }

    func waitUntilReady(timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while ready < terminals {
            guard ContinuousClock.now < deadline else {
                throw BenchFailure("only \(ready) of \(terminals) terminals came up")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The times terminals saw `name`, once all have or `patience` has passed; forgets them.
    func waitForAll(_ name: String, patience: Duration) async -> [Double] {
        if seen[name]?.count != terminals {
            let timeout = Task { [weak self] in
                try? await Task.sleep(for: patience)
                await self?.giveUp(name)
            }
            await withCheckedContinuation { waiting[name] = $0 }
            timeout.cancel()
        }
        return Array((seen.removeValue(forKey: name) ?? [:]).values)
    }

    private func giveUp(_ name: String) {
        waiting.removeValue(forKey: name)?.resume()
    }
}
