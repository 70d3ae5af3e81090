import ClinicCore
import ClinicStore
import Foundation
import Testing

/// The real binary in a real terminal (tmux), as a receptionist uses it.
@Suite("End to end in tmux", .serialized)
struct EndToEndTests {
    @Test func signInMoveAroundResizeHelpRegisterAndQuitRestoringTheTerminal() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        let built = try runner.run(["demo", "--patients", "500", "--no-ui", "--db", db])
        #expect(built.status == 0, "\(built.error)")
        let binary = CommandRunner.executable.path
        let home = runner.home.path
        let script = """
            cd \(home) && stty -a > stty-before.txt; \
            env HOME=\(home) XDG_DATA_HOME=\(home)/data XDG_STATE_HOME=\(home)/state XDG_CONFIG_HOME=\(home)/config \
            TERM=tmux-256color LANG=C.UTF-8 \(binary) demo --db \(db); echo EXIT:$?; stty -a > stty-after.txt; echo SETTINGS-SAVED; sleep 60
            """
        let tmux = try TmuxSession(width: 120, height: 32, command: "bash --norc --noprofile -c '\(script)'")
        try tmux.waitFor("ClinicDesk — sign in")
        try tmux.type("receptionist")
        try tmux.press("Tab")
        try tmux.type("demo")
        try tmux.press("Enter")
        var screen = try tmux.waitFor("Book — today")
        #expect(screen.contains("receptionist (receptionist)"))
        #expect(screen.contains("Queue —") && screen.contains("Patients —") && screen.contains("Prescriptions"))

        try tmux.press("Tab", "Tab")
        // Bytes no keyboard sends: invalid UTF-8 and an escape sequence nobody defines. Ignored, no crash.
        try tmux.sendBytes([0xFF, 0xFE, 0xC3])
        try tmux.sendBytes([0x1B, 0x5B, 0x39, 0x39, 0x3B, 0x39, 0x7E])
        try tmux.type("Riverside")  // nobody is called that: the lookup says so
        try tmux.waitFor("No patient matches “Riverside”")
        try tmux.press("Escape")

        try tmux.resize(width: 40, height: 12)
        screen = try tmux.waitFor("F1 Sched")
        // The pane being worked in fills the small window with its frame whole, the status line below it.
        let pane = TmuxSession.box(titled: "Patients —", in: screen)
        #expect(pane.first?.hasSuffix("┐") == true && pane.last?.hasPrefix("└") == true && pane.last?.hasSuffix("┘") == true,
                "the Patients pane is not drawn whole at 40×12:\n\(screen)")
        #expect(pane.count == 10, "tab bar, pane, status line:\n\(screen)")
        try tmux.resize(width: 120, height: 32)
        try tmux.waitFor("Book — today")

        try tmux.press("F12")
        screen = try tmux.waitFor("Keys — Esc to close")
        #expect(screen.contains("Register a new patient"))
        try tmux.press("Escape")

        try tmux.press("C-n")
        try tmux.waitFor("Register a new patient")
        try tmux.type("Kowalczyk")
        try tmux.press("Tab")
        try tmux.type("Zofia")
        try tmux.press("Tab", "Tab")
        try tmux.type("1961-03-15")
        try tmux.press("C-s")
        try tmux.waitFor("Kowalczyk, Zofia — RFC-")
        try tmux.press("Escape", "Escape")
        try tmux.type("kowal zof")
        screen = try tmux.waitFor("Kowalczyk, Zofia")
        #expect(screen.contains("1961-03-15"))
        try tmux.press("Enter")
        screen = try tmux.waitFor("Allergies not yet asked")
        #expect(screen.contains("Born       1961-03-15"), "the card opens on the found patient")
        try tmux.press("Escape")

        try tmux.press("C-q")
        try tmux.waitFor("Quit ClinicDesk?")
        try tmux.press("y")
        screen = try tmux.waitFor("SETTINGS-SAVED")
        let lines = screen.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let exitLine = try #require(lines.firstIndex(of: "EXIT:0"))
        #expect(exitLine > 0 && lines[exitLine - 1].hasPrefix("Logins (password"), "nothing printed outside the UI:\n\(screen)")
        let before = try String(contentsOfFile: "\(home)/stty-before.txt", encoding: .utf8)
        let after = try String(contentsOfFile: "\(home)/stty-after.txt", encoding: .utf8)
        #expect(!before.isEmpty && before == after, "the terminal settings changed")
        let store = try ClinicStore.open(at: db)
        #expect(try store.searchPatients(text: "kowalczyk zofia").count == 1)
    }

    @Test func aCheckInFromAnotherProcessAppearsInTheQueueWithoutAKeyPress() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "300", "--no-ui", "--db", db])
        let patient = try #require(try ClinicStore.open(at: db).searchPatients(text: "#RFC-000007").first)
        let binary = CommandRunner.executable.path
        let home = runner.home.path
        let command = "env HOME=\(home) XDG_STATE_HOME=\(home)/state XDG_CONFIG_HOME=\(home)/config TERM=tmux-256color LANG=C.UTF-8 \(binary) --db \(db)"
        let tmux = try TmuxSession(width: 120, height: 32, command: command)
        try tmux.waitFor("ClinicDesk — sign in")
        try tmux.type("nurse")
        try tmux.press("Tab")
        try tmux.type("demo")
        try tmux.press("Enter")
        let before = try tmux.waitUntil("the queue, loaded") { Self.waiting(in: $0) != nil }
        let waitingBefore = try #require(Self.waiting(in: before))
        #expect(!before.contains(patient.displayName))
        let checkIn = try runner.run(["checkin", patient.mrn.description, "--as", "receptionist", "--password-stdin", "--db", db],
                                     input: "demo\n")
        #expect(checkIn.status == 0, "\(checkIn.error)")
        #expect(checkIn.output.hasPrefix("Checked in \(patient.displayName) (\(patient.mrn))"))
        // No key is pressed: the nurse's queue shows the patient waiting and counts one more.
        let after = try tmux.waitUntil("\(patient.displayName) in the queue") { Self.queueRow(of: patient.displayName, in: $0) != nil }
        let row = try #require(Self.queueRow(of: patient.displayName, in: after))
        #expect(row.dropLast().split(separator: " ").last == "waiting", "the queue row: \(row)")
        #expect(Self.waiting(in: after) == waitingBefore + 1, "the queue's title:\n\(after)")
        try tmux.press("C-q")
        try tmux.press("y")
    }

    /// How many the Queue pane's title says are waiting (“Queue — 3 waiting”), once the queue has loaded.
    static func waiting(in screen: String) -> Int? {
        let queue = TmuxSession.box(titled: "Queue —", in: screen)
        guard let title = queue.first, !queue.contains(where: { $0.contains("Loading…") }) else { return nil }
        return Int(title.dropFirst("┌ Queue — ".count).prefix { $0.isNumber })
    }

    /// The Queue pane's row naming `name` (its Patient column may cut the name short with “…”).
    static func queueRow(of name: String, in screen: String) -> String? {
        TmuxSession.box(titled: "Queue —", in: screen).dropFirst(2).first { row in
            // After the border, the selection mark and the ticket number comes the patient.
            let patient = row.dropFirst(3).drop { $0 == " " || $0.isNumber }
            if patient.hasPrefix(name) { return true }
            guard let cut = patient.firstIndex(of: "…"), cut > patient.startIndex else { return false }
            return name.hasPrefix(patient[..<cut])
        }
    }
}
