import ClinicCore
import ClinicStore
import Foundation
import Testing

/// Two processes: the doctor signed in in tmux; `clinicdesk user sign-out-everywhere` from
/// another shell ends the session, and the terminal shows the sign-in screen by itself.
@Suite("Sign out everywhere end to end", .serialized)
struct SessionEndToEndTests {
    @Test func anAdminSignsADoctorOutOfARunningTerminal() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "50", "--no-ui", "--db", db])
        let tmux = try TmuxSession(width: 120, height: 32, command: runner.appCommand(db: db))
        try tmux.signIn("doctor")
        let listed = try runner.run(["user", "sessions", "--as", "admin", "--password-stdin", "--db", db], input: "demo\n")
        #expect(listed.status == 0, "\(listed.error)")
        #expect(listed.output.hasPrefix("USERNAME  SINCE"), "\(listed.output)")
        #expect(listed.output.contains("\ndoctor    "), "\(listed.output)")
        let refused = try runner.run(["user", "sign-out-everywhere", "doctor", "--as", "nurse", "--password-stdin", "--db", db],
                                     input: "demo\n")
        #expect(refused.error == "Error: A nurse may not manage users.\n")
        let ended = try runner.run(["user", "sign-out-everywhere", "doctor", "--as", "admin", "--password-stdin", "--db", db],
                                   input: "demo\n")
        #expect(ended.output == "Signed doctor out of 1 session; their terminals show the sign-in screen.\n", "\(ended.error)")
        let screen = try tmux.waitFor("You were signed out on every terminal")
        #expect(screen.contains("ClinicDesk — sign in"))
        let after = try runner.run(["user", "sessions", "--as", "admin", "--password-stdin", "--db", db], input: "demo\n")
        #expect(after.output == "Nobody is signed in.\n")
    }
}
