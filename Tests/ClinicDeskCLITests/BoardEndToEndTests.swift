import ClinicCore
import ClinicStore
import Foundation
import Testing

/// `clinicdesk board` in a real terminal (tmux): another process calls a patient and the board
/// shows it without a key press, in large letters with initials only; it waits out a locked
/// database; q gives the terminal back as it was.
@Suite("Board end to end in tmux", .serialized)
struct BoardEndToEndTests {
    /// A clinic whose waiting room has people in four scripts, García called earlier, and
    /// Kowalczyk, Zofia the last to check in. Built through the store (no demo, no users: the
    /// writes act for the system), and closed again so the test holds no connection to the file.
    struct Clinic {
        let runner: CommandRunner
        let db: String
        let visit: Visit
        static let author = Author.system("test")

        init() throws {
            runner = try CommandRunner()
            db = runner.path("clinic.sqlite")
            let store = try ClinicStore.create(
                at: db, clinicName: "Riverside Family Clinic",
                timeZone: TimeZone(identifier: "UTC")!, deviceName: "desk")
            var visits: [Visit] = []
            for (family, given) in [("García", "José"), ("Nguyễn", "Thị Hương"), ("王", "小明"), ("Kowalczyk", "Zofia")] {
                let patient = try store.registerPatient(
                    PatientDetails(familyName: family, givenName: given), by: Self.author)
                visits.append(try store.checkInWalkIn(patient: patient.id, by: Self.author))
            }
            try store.callPatient(visits[0].id, room: "Room 1", by: Self.author)
            visit = visits[3]
        }

        /// Kowalczyk, Zofia is called from this test's process (its store closed again afterwards,
        /// so that the test holds no connection to the file between calls).
        func call(to room: String) throws {
            try ClinicStore.open(at: db).callPatient(visit.id, room: room, by: Self.author)
        }

        /// The shell line tmux runs: the board, then its exit status and the terminal settings before and after.
        func boardScript(_ arguments: String = "") -> String {
            let home = runner.home.path
            let script = """
                cd \(home) && stty -a > stty-before.txt; \
                env HOME=\(home) XDG_STATE_HOME=\(home)/state XDG_CONFIG_HOME=\(home)/config \
                TERM=tmux-256color LANG=C.UTF-8 \(CommandRunner.executable.path) board --db \(db) \(arguments); \
                echo EXIT:$?; stty -a > stty-after.txt; echo SETTINGS-SAVED; sleep 60
                """
            return "bash --norc --noprofile -c '\(script)'"
        }

        func terminalSettings() throws -> (before: String, after: String) {
            (
                try String(contentsOfFile: runner.path("stty-before.txt"), encoding: .utf8),
                try String(contentsOfFile: runner.path("stty-after.txt"), encoding: .utf8)
            )
        }
    }

    @Test func aCallFromAnotherProcessShowsWithoutAKeyPressInLargeLettersWithInitialsOnly() throws {
        let clinic = try Clinic()
        defer { clinic.runner.remove() }
        let tmux = try TmuxSession(width: 80, height: 24, command: clinic.boardScript())
        var screen = try tmux.waitFor("Waiting — 3")
        #expect(
            screen.contains("N. T.") && screen.contains("王 小") && screen.contains("K. Z."),
            "who waits, by initials:\n\(screen)")
        #expect(screen.contains("→ Room 1") && screen.contains("G. J."), "the earlier call:\n\(screen)")
        try clinic.call(to: "Room 3")
        // No key is pressed: the board follows the store by itself.
        screen = try tmux.waitFor("ticket \(clinic.visit.ticket) → Room 3 · K. Z.")
        #expect(screen.contains("Now calling"))
        #expect(
            screen.split(separator: "\n").filter { $0.contains("█") }.count == 5,
            "the call in large letters:\n\(screen)")
        #expect(
            !screen.contains("Kowalczyk") && !screen.contains("Zofia") && !screen.contains("García"),
            "initials only:\n\(screen)")
        #expect(screen.contains("Waiting — 2"))
        #expect(!screen.contains("urgent") && !screen.contains("consult"), "nothing clinical:\n\(screen)")

        try tmux.resize(width: 200, height: 60)
        screen = try tmux.waitUntil("the letters grown at 200×60") { screen in
            screen.split(separator: "\n").filter { $0.contains("█") }.count == 15
        }
        #expect(screen.contains("ticket \(clinic.visit.ticket) → Room 3 · K. Z."))
        try tmux.resize(width: 80, height: 24)  // back to the size stty saw before
        try tmux.waitUntil("the letters back at 80×24") { screen in
            screen.split(separator: "\n").filter { $0.contains("█") }.count == 5
        }

        try tmux.press("q")
        screen = try tmux.waitFor("SETTINGS-SAVED")
        #expect(screen.contains("EXIT:0"))
        let settings = try clinic.terminalSettings()
        #expect(!settings.before.isEmpty && settings.before == settings.after, "the terminal settings changed")
    }

    @Test func aBoardStartedWhileAnotherProcessLocksTheDatabaseWaitsThenFollowsIt() throws {
        let clinic = try Clinic()
        defer { clinic.runner.remove() }
        let holder = try LockHolder(database: clinic.db)
        let tmux = try TmuxSession(width: 80, height: 24, command: clinic.boardScript("--names full"))
        try tmux.waitFor("another process holds it locked")
        holder.release()
        try tmux.waitFor("Waiting —")
        try clinic.call(to: "7")
        try tmux.waitFor("ticket \(clinic.visit.ticket) → Room 7 · Kowalczyk, Zofia")
        try tmux.press("C-c")
        let screen = try tmux.waitFor("SETTINGS-SAVED")
        #expect(screen.contains("EXIT:0"))
    }

    /// Another process (the sqlite3 shell) holding the database in exclusive locking mode, so
    /// that nobody else can even read it, until ``release()``.
    final class LockHolder {
        let process = Process()
        let input = Pipe()

        init(database: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [database]
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(
                Data(
                    """
                    .timeout 20000
                    PRAGMA locking_mode = EXCLUSIVE;
                    BEGIN EXCLUSIVE;
                    UPDATE clinic SET name = name;
                    COMMIT;

                    """.utf8))
            let deadline = Date().addingTimeInterval(20)
            while !Self.isLocked(database), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            #expect(Self.isLocked(database), "the sqlite3 shell never took the lock")
        }

        /// Whether a reader is refused right now.
        static func isLocked(_ database: String) -> Bool {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            probe.arguments = [database, "SELECT count(*) FROM clinic"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { return false }
            probe.waitUntilExit()
            return probe.terminationStatus != 0
        }

        func release() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }

        deinit {
            if process.isRunning { release() }
        }
    }
}
