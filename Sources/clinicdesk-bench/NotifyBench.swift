import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation

/// `clinicdesk-bench notify`: latency from another process's commit to this process noticing it.
struct NotifyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify", abstract: "Cross-process change notification latency.")

    @Option(help: "Commits the writer process makes.")
    var commits = 200

    @Option(help: "Folder for the scratch database.")
    var folder = ".build/bench"

    func run() async throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/notify-\(getpid()).sqlite"
        defer { BenchDatabase.remove(path) }
        let store = try ClinicStore.create(at: path, clinicName: "Bench", timeZone: .gmt, deviceName: "bench")
        print("change notification across processes, \(commits) commits:")
        for mechanism in ChangeMechanism.allCases {
            let stream =
                mechanism == .watch ? try store.externalChanges() : try store.externalChanges(every: .milliseconds(50))
            let (latencies, seen) = try await measure(stream, database: path)
            print("  commit → noticed, \(mechanism.words):")
            print("    " + Latencies(samples: latencies).summary + "   (goal: p99 ≤ 300 ms; noticed \(seen))")
        }
    }

    /// Another process commits `commits` times; when this one noticed each.
    private func measure(_ stream: AsyncStream<Void>, database path: String) async throws -> ([Double], Int) {
        let commits = self.commits
        let noticed = Task { () -> [Double] in
            var times: [Double] = []
            for await _ in stream {
                times.append(Date().timeIntervalSince1970)
                if times.count == commits { break }
            }
            return times
        }
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        writer.arguments = ["notify-writer", "--db", path, "--commits", String(commits)]
        let pipe = Pipe()
        writer.standardOutput = pipe
        try writer.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        writer.waitUntilExit()
        let committed = output.split(separator: "\n").compactMap { Double($0) }
        let timeout = Task {
            try await Task.sleep(for: .seconds(30)); noticed.cancel()
        }
        let seen = await noticed.value
        timeout.cancel()
        return (zip(committed, seen).map { max(0, $1 - $0) }, seen.count)
    }
}

/// The second process of the notification benchmark: commits at spaced intervals and prints each commit time.
struct NotifyWriter: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notify-writer", shouldDisplay: false)

    @Option var db: String
    @Option var commits: Int

    func run() throws {
        let store = try ClinicStore.open(at: db)
        let author = Author.system("bench")
        for index in 0..<commits {
            Thread.sleep(forTimeInterval: 0.12 + Double(index % 7) * 0.011)
            try store.registerPatient(PatientDetails(familyName: "Bench", givenName: "Patient \(index)"), by: author)
            FileHandle.standardOutput.write(Data("\(Date().timeIntervalSince1970)\n".utf8))
        }
    }
}
