import ClinicCore
import ClinicStore
import Foundation
import Testing

/// Booking in the real binary, two terminals on the demo clinic: the receptionist books a
/// patient tomorrow with a chosen provider at a free slot; the other terminal, left on that
/// slot, shows it without a key press; the receptionist cancels it with a reason; the audit
/// trail has both.
@Suite("Booking end to end in tmux", .serialized)
struct BookingEndToEndTests {
    @Test func bookTomorrowSeenElsewhereThenCancelledWithAReason() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "300", "--no-ui", "--db", db])
        let store = try ClinicStore.open(at: db)
        let patient = try store.registerPatient(PatientDetails(familyName: "Zimmermann", givenName: "Ottilie"), by: .system("test"))
        // A provider who works tomorrow (or the next working day), and their first free slot then.
        let today = store.today()
        let tomorrow = LocalDateTime(date: today.adding(days: 1), time: ClockTime(minuteOfDay: 0)!)
        let (provider, slot) = try #require(try store.providers().lazy.compactMap { provider in
            try store.nextFreeSlots(with: provider.id, from: tomorrow, limit: 1, for: patient.id).first.map { (provider, $0) }
        }.min { $0.1 < $1.1 })
        let at = "\(slot.date) \(slot.time)"

        let binary = CommandRunner.executable.path
        let home = runner.home.path
        let command = "env HOME=\(home) XDG_STATE_HOME=\(home)/state XDG_CONFIG_HOME=\(home)/config TERM=tmux-256color LANG=C.UTF-8 \(binary) --db \(db)"

        // The other terminal waits on that slot of the book.
        let other = try TmuxSession(width: 120, height: 32, command: command)
        try other.signIn("admin")
        try goTo(other, provider: provider, slot: slot, today: today)
        try other.waitFor("\(slot.time)–")

        let desk = try TmuxSession(width: 120, height: 32, command: command)
        try desk.signIn("receptionist")
        try desk.press("F3")
        try desk.type("zimmermann")
        try desk.waitFor("Zimmermann, Ottilie")
        try desk.press("C-b")
        try desk.waitFor("Book Zimmermann, Ottilie with")
        try desk.press("Enter")
        try desk.waitFor("Free with")
        try desk.press("Enter")
        try desk.waitFor("Book an appointment")
        try desk.press("C-u")
        try desk.type(provider.displayName)
        try desk.press("Tab", "C-u")
        try desk.type(at)
        try desk.press("C-s")
        try desk.waitFor("Booked Zimmermann, Ottilie with \(provider.displayName), \(at)")

        // No key is pressed on the other terminal.
        try other.waitUntil("the booking on the other terminal") { screen in
            screen.contains("\(slot.time)–") && screen.contains("Zimmermann, Ottilie")
        }

        try goTo(desk, provider: provider, slot: slot, today: today)
        try desk.waitFor("Zimmermann, Ottilie")
        try desk.press("x")
        try desk.waitFor("Who cancelled?")
        try desk.press("Enter")
        try desk.waitFor("Reason: by the patient")
        try desk.press("y")
        try desk.waitFor("Cancelled Zimmermann, Ottilie's appointment")
        try other.waitUntil("the slot free again on the other terminal") { screen in
            screen.contains("\(slot.time)–") && !screen.contains("Zimmermann, Ottilie") && screen.contains(": free")
        }

        let booked = try #require(try store.appointments(of: patient.id, from: today).first)
        #expect(booked.status == .cancelled && booked.cancelReason == "by the patient")
        #expect(booked.providerID == provider.id && booked.start == slot)
        let trail = try store.auditEvents(table: "appointment", id: booked.id.description)
        #expect(Set(trail.map(\.action)) == ["appointment.book", "appointment.cancelled"], "\(trail.map(\.action))")
        for tmux in [desk, other] {
            try tmux.press("Escape", "C-q")
            try tmux.press("y")
        }
    }

    /// The book on the provider's column alone, the slot's day, the cursor on the slot.
    private func goTo(_ tmux: TmuxSession, provider: Provider, slot: LocalDateTime, today: CalendarDate) throws {
        try tmux.press("F1")
        try tmux.waitFor("Book —")
        for _ in 0..<(slot.date.daysSinceEpoch - today.daysSinceEpoch) { try tmux.press("]") }
        try tmux.waitFor(" free")
        try tmux.press("/")
        try tmux.type(provider.displayName)
        try tmux.press("Enter", "Home")
        for _ in 0..<80 where try !tmux.screen().contains("\(slot.time)–") {
            try tmux.press("Down")
        }
    }

}
