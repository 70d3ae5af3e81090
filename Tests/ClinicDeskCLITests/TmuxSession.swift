import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server driving a real terminal: keys in, screen text out.
final class TmuxSession {
    let socket = "clinicdesk-test-\(UUID().uuidString.prefix(8))"
    let name = "desk"

    /// Starts `command` in a new session of the given size.
    init(width: Int, height: Int, command: String) throws {
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command], capture: false)
    }

    deinit {
        _ = try? tmux(["kill-server"], capture: false)
    }

    /// Runs a tmux client command and returns what it printed.
    ///
    /// Uses posix_spawn and waitpid rather than Foundation's Process: `new-session` forks the
    /// tmux server, which inherits the client's descriptors, and Process then never sees the
    /// client finish.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let quoted = (["/usr/bin/tmux", "-u", "-L", socket, "-f", "/dev/null"] + arguments).map(Self.shellQuote).joined(separator: " ")
        let redirect = capture ? "> \(Self.shellQuote(output.path))" : "> /dev/null"
        // Bounded: a wedged tmux must fail the test, not hang the run. The tmux server outlives
        // this call, so the shell first closes every descriptor above stderr it inherited: the
        // server must never hold the pipe of a command another test is reading to its end.
        let closeInherited = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; "#
        let argv = ["/bin/bash", "-c", "\(closeInherited)exec timeout 20 \(quoted) \(redirect) 2>/dev/null < /dev/null"]
        let environment = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "TERM=xterm-256color"]
        var pid: pid_t = 0
        let status = Self.withCStrings(argv) { args in
            Self.withCStrings(environment) { env in posix_spawn(&pid, "/bin/bash", nil, nil, args, env) }
        }
        guard status == 0 else { throw TmuxTimeout(text: "tmux \(arguments.first ?? "")", screen: "could not start tmux") }
        var exit: Int32 = 0
        waitpid(pid, &exit, 0)
        return capture ? ((try? String(contentsOf: output, encoding: .utf8)) ?? "") : ""
    }

    private static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }

    /// Sends keys one at a time with a pause, as a person types (so Escape is never read as Alt).
    func press(_ keys: String...) throws {
        for key in keys {
            try tmux(["send-keys", "-t", name, key])
            Thread.sleep(forTimeInterval: 0.15)
        }
    }

    /// Sends raw bytes, as a misbehaving terminal or line might.
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", name, "-H"] + bytes.map { String(format: "%02x", $0) })
        Thread.sleep(forTimeInterval: 0.15)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
        Thread.sleep(forTimeInterval: 0.15)
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
        Thread.sleep(forTimeInterval: 0.3)
    }

    /// Waits (generously: CI machines are shared) until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        try waitUntil(text, timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the screen satisfies `condition` (described for the failure as `what`) and returns it.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 20, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxTimeout(text: what, screen: last)
    }

    /// The lines of the box whose title starts with `title`, top and bottom border included, on a
    /// screen of boxes side by side (cut where two meet: `┐┌`, `││`, `┘└`); empty when there is none.
    static func box(titled title: String, in screen: String) -> [String] {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map { boxes(in: String($0)) }
        for (top, row) in rows.enumerated() {
            guard let column = row.firstIndex(where: { $0.hasPrefix("┌ " + title) }) else { continue }
            var lines: [String] = []
            for cells in rows[top...] where column < cells.count {
                lines.append(cells[column])
                if cells[column].hasPrefix("└") { break }
            }
            return lines
        }
        return []
    }

    /// One screen line cut where two boxes meet.
    private static func boxes(in line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for character in line {
            if let previous = current.last, ["┐┌", "││", "┘└"].contains(String([previous, character])) {
                parts.append(current)
                current = ""
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    let text: String
    let screen: String
    var description: String { "“\(text)” did not appear on the screen; it showed:\n\(screen)" }
}

extension TmuxSession {
    /// Signs in on ClinicDesk's sign-in screen (the demo clinic's password by default).
    func signIn(_ user: String, password: String = "demo") throws {
        try waitFor("ClinicDesk — sign in")
        try type(user)
        try press("Tab")
        try type(password)
        try press("Enter")
        try waitFor("Signed in as")
    }
}
