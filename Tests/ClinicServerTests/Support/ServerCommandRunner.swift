import Foundation

/// Runs the built `clinicdesk-server` binary as an operator would, capturing its output.
enum ServerCommandRunner {
    struct Result {
        var status: Int32
        var output: String
        var error: String

        /// Output lines without the trailing empty one.
        var lines: [String] { output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    }

    /// The executable next to the test bundle (both live in `.build/<configuration>/`).
    static var executable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("clinicdesk-server")
    }

    /// Runs `clinicdesk-server arguments…` with only `environment` (plus PATH) set.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin", "TZ": "UTC"]) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self)
        )
    }
}
