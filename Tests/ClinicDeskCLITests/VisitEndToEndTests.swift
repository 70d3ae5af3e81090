import ClinicCore
import ClinicStore
import Foundation
import Testing

/// The visit from arrival to done in the real binary, three terminals on one database: the
/// receptionist checks a patient in and makes it an emergency; the doctor, on another
/// terminal, calls next, and the receptionist's screen and the waiting-room board on the third
/// show the call without a key press; the doctor records an allergy and a note and finishes.
@Suite("Visit end to end in tmux", .serialized)
struct VisitEndToEndTests {
    @Test func receptionChecksInTheDoctorCallsRecordsAndFinishes() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "300", "--no-ui", "--db", db])
        let store = try ClinicStore.open(at: db)
        let patient = try store.registerPatient(PatientDetails(familyName: "Zimmermann", givenName: "Ottilie"), by: .system("test"))
        let binary = CommandRunner.executable.path
        let home = runner.home.path
        let command = "env HOME=\(home) XDG_STATE_HOME=\(home)/state XDG_CONFIG_HOME=\(home)/config TERM=tmux-256color LANG=C.UTF-8 \(binary) --db \(db)"

        let reception = try TmuxSession(width: 120, height: 32, command: command)
        try reception.signIn("receptionist")
        try reception.press("F3")
        try reception.type("zimmermann")
        try reception.waitFor("Zimmermann, Ottilie")
        try reception.press("C-k")
        try reception.waitFor("Checked in Zimmermann, Ottilie as a walk-in.")
        try reception.press("F2")
        try reception.waitUntil("her row") { Self.queueRow("Zimmermann", in: $0) != nil }
        try reception.press("/")
        try reception.type("zimmer")
        try reception.press("Enter", "p", "Down", "Down", "Enter")
        try reception.waitFor("Zimmermann, Ottilie is now emergency.")

        // A third terminal shows the waiting-room board.
        let board = try TmuxSession(width: 80, height: 24, command: command.replacingOccurrences(of: " --db ", with: " board --db "))
        try board.waitFor("Waiting —")

        let doctor = try TmuxSession(width: 120, height: 32, command: command)
        try doctor.signIn("doctor")
        try doctor.waitFor("My queue —")
        try doctor.press("n")
        try doctor.waitFor("Call the next patient")
        try doctor.type("Room 4")
        try doctor.press("Enter")
        try doctor.waitFor("Called Zimmermann, Ottilie")

        // No key is pressed at the desk: the call shows there.
        let seen = try reception.waitUntil("the call at the desk") { screen in
            Self.queueRow("Zimmermann", in: screen).map { $0.contains("Room 4") && $0.contains("called") } ?? false
        }
        #expect(Self.queueRow("Zimmermann", in: seen)?.contains("!!") == true, "the emergency mark")
        // And on the board, large, with initials only, again without a key.
        let called = try board.waitFor("→ Room 4 · Z. O.")
        #expect(called.contains("Now calling") && !called.contains("Zimmermann"), "initials only on the board:\n\(called)")

        try doctor.press("/")
        try doctor.type("zimmer")
        try doctor.press("Enter", "s")
        try doctor.waitFor("Seeing Zimmermann, Ottilie now.")
        try doctor.press("Enter")
        try doctor.waitFor("Allergies not yet asked")
        try doctor.press("a")
        try doctor.waitFor("Record an allergy")
        try doctor.type("Penicillins")
        try doctor.press("Tab", "C-u")
        try doctor.type("class")
        try doctor.press("Tab")
        try doctor.type("Anaphylaxis")
        try doctor.press("Tab", "C-u")
        try doctor.type("severe")
        try doctor.press("C-s")
        try doctor.waitFor("ALLERGIES: Penicillins (severe: Anaphylaxis)")
        try doctor.press("Escape", "F2", "w")
        try doctor.waitFor("Note — ticket")
        try doctor.type("Sore throat")
        try doctor.press("C-s")
        try doctor.waitFor("Note saved for Zimmermann, Ottilie.")
        try doctor.press("f")
        try doctor.waitFor("How did the visit of Zimmermann, Ottilie end?")
        try doctor.press("Enter")
        try doctor.waitFor("Finished the visit of Zimmermann, Ottilie: done.")
        try reception.waitUntil("her row gone from the active queue") { Self.queueRow("Zimmermann", in: $0) == nil }

        let visit = try #require(try store.visits(of: patient.id).first)
        #expect(visit.status == .done && visit.outcome == .done && visit.room == "Room 4")
        #expect(try store.allergies(of: patient.id).map(\.substance) == ["Penicillins"])
        #expect(try store.notes(of: visit.id, for: .doctor).map(\.content.complaint) == ["Sore throat"])
        let actions = try store.auditEvents(limit: 20).map(\.action)
        for action in ["visit.check-in", "visit.priority", "visit.call", "visit.start", "allergy.record", "note.write", "visit.finish"] {
            #expect(actions.contains(action), "audited: \(action)")
        }
        for tmux in [reception, doctor] {
            try tmux.press("C-q")
            try tmux.press("y")
        }
        try board.press("q")
    }


    /// The Queue pane's row of a patient whose family name is `family`.
    static func queueRow(_ family: String, in screen: String) -> String? {
        TmuxSession.box(titled: "Queue", in: screen).first { $0.contains(family) }
            ?? TmuxSession.box(titled: "My queue", in: screen).first { $0.contains(family) }
    }
}
