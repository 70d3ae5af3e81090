import Foundation

/// The terminals of `clinicdesk-bench terminals`: one `clinicdesk-bench terminal` process each,
/// their reports merged into one stream of `(terminal, line)`.
final class TerminalFleet {
    private(set) var processes: [Process] = []
    private var inputs: [FileHandle] = []
    let reports: AsyncStream<(Int, String)>
    private let continuation: AsyncStream<(Int, String)>.Continuation

    /// Starts `count` terminals on `database`, noticing commits by `changes`.
    init(count: Int, database: String, changes: ChangeMechanism) throws {
        (reports, continuation) = AsyncStream.makeStream(of: (Int, String).self)
        let merged = DispatchGroup()
        for index in 0..<count {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["terminal", "--db", database, "--changes", changes.rawValue]
            let input = Pipe()
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            processes.append(process)
            inputs.append(input.fileHandleForWriting)
            merged.enter()
            let continuation = self.continuation
            Task {
                for await line in UIBench.lines(of: output.fileHandleForReading) { continuation.yield((index, line)) }
                merged.leave()
            }
        }
        let continuation = self.continuation
        merged.notify(queue: .global()) { continuation.finish() }
    }

    var count: Int { processes.count }
    var pids: [Int32] { processes.map(\.processIdentifier) }

    /// Sends one line to every terminal.
    func tellAll(_ line: String) {
        let data = Data((line + "\n").utf8)
        for input in inputs { try? input.write(contentsOf: data) }
    }

    /// CPU seconds all terminals have used so far.
    func cpuSeconds() -> Double {
        pids.reduce(0) { $0 + ProcessUsage.cpuSeconds(of: $1) }
    }

    /// Resident memory of each terminal, in bytes.
    func residentBytes() -> [Int] {
        pids.map(ProcessUsage.residentBytes)
    }

    /// Ends every terminal (end of input) and waits for them.
    func stop() {
        for input in inputs { try? input.close() }
        inputs = []
        for process in processes {
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { process.terminate() }
        }
    }
}
