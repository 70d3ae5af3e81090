import ClinicCore
import ClinicStore
import Foundation
import Testing

/// The real binary in tmux: with `idle_lock_minutes = 0.1` a patient found on screen is gone six
/// seconds after the last key and the doctor's password brings the search back; five wrong
/// passwords lock the username and the screen says until when.
@Suite("Idle lock end to end in tmux", .serialized)
struct IdleLockEndToEndTests {
    @Test func anIdleTerminalHidesThePatientUntilThePasswordIsTyped() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "100", "--no-ui", "--db", db])
        _ = try ClinicStore.open(at: db).registerPatient(PatientDetails(familyName: "Zimmermann", givenName: "Ottilie"),
                                                         by: .system("test"))
        let config = URL(fileURLWithPath: runner.path("config/clinicdesk/config.toml"))
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "idle_lock_minutes = 0.1\n".write(to: config, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 120, height: 32, command: runner.appCommand(db: db))
        try tmux.signIn("doctor")
        try tmux.press("F3")
        try tmux.type("zimmermann")
        try tmux.waitFor("Zimmermann, Ottilie")
        let locked = try tmux.waitFor("ClinicDesk — locked", timeout: 30)
        #expect(!locked.contains("Zimmermann"), "\(locked)")
        #expect(locked.contains("Locked after 6 seconds without a key."), "\(locked)")
        try tmux.type("demo")
        try tmux.press("Enter")
        let back = try tmux.waitFor("Welcome back")
        #expect(back.contains("Zimmermann, Ottilie"), "the search as the doctor left it")
    }

    @Test func fiveWrongPasswordsShowTheLockWithItsEndTime() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "20", "--no-ui", "--db", db])
        let tmux = try TmuxSession(width: 120, height: 32, command: runner.appCommand(db: db))
        try tmux.waitFor("ClinicDesk — sign in")
        try tmux.type("nurse")
        try tmux.press("Tab")
        for attempt in 1...4 {
            try tmux.type("wrong-\(attempt)")
            try tmux.press("Enter")
            try tmux.waitFor(attempt == 4 ? "1 more wrong" : "Wrong username or password")
        }
        try tmux.type("wrong-5")
        try tmux.press("Enter")
        let locked = try tmux.waitFor("Too many wrong passwords")
        #expect(locked.range(of: #"until[\s│]*\d{2}:\d{2}"#, options: .regularExpression) != nil, "\(locked)")
        try tmux.type("demo")
        try tmux.press("Enter")
        let still = try tmux.waitFor("Too many wrong passwords")
        #expect(!still.contains("Signed in as"), "the right password waits for the lock too")
    }
}
