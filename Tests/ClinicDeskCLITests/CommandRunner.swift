import Foundation

/// Runs the built `clinicdesk` binary as a person or a script would, capturing its output.
struct CommandRunner {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("clinicdesk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: home)
    }

    /// The `clinicdesk` executable next to the test bundle (both live in `.build/<configuration>/`).
    static var executable: URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("clinicdesk")
    }

    func path(_ name: String) -> String { home.appendingPathComponent(name).path }

    /// Runs `clinicdesk arguments…` with `input` on standard input and HOME/XDG pointing into the sandbox.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = [
            "HOME": home.path, "XDG_DATA_HOME": path("data"), "XDG_STATE_HOME": path("state"),
            "XDG_CONFIG_HOME": path("config"), "PATH": "/usr/bin:/bin", "TZ": "UTC",
        ]
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                      error: String(decoding: err, as: UTF8.self))
    }

    /// The shell command that opens ClinicDesk on `db` in a terminal (tmux), with HOME and the
    /// XDG folders in the sandbox.
    func appCommand(db: String) -> String {
        let home = self.home.path
        return "env HOME=\(home) XDG_STATE_HOME=\(home)/state XDG_CONFIG_HOME=\(home)/config TERM=tmux-256color TZ=UTC "
            + "LANG=C.UTF-8 \(Self.executable.path) --db \(db)"
    }
}
