import ClinicCore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// The booking dialogs' text, read without a terminal: every message a receptionist can meet.
@Suite("Booking forms")
struct BookingFormsTests {
    static func id<T>(_ serial: Int) -> EntityID<T> {
        EntityID(UUID(uuidString: "00000000-0000-7000-8000-0000000003\(Digits.padded(serial, 2))")!)
    }

    static let haddad = Provider(id: id(1), displayName: "Dr Amina Haddad", specialty: .generalPractice, defaultSlotMinutes: 15)
    static let wang = Provider(id: id(2), displayName: "Dr Wang Li", specialty: .paediatrics, defaultSlotMinutes: 30)
    static let hassan = Provider(id: id(3), displayName: "Dr Hassan Amin", specialty: .generalPractice, defaultSlotMinutes: 20)
    static let providers = [haddad, wang, hassan]
    static let today = CalendarDate(iso: "2026-11-20")!
    static let draft = BookingDraft(
        patient: PatientRef(id: id(9), name: "Smith, John", mrn: MRN("RVC-000001")!),
        slot: BookSlot(provider: haddad, start: LocalDateTime(date: today, time: ClockTime("10:00")!)), purpose: .book)

    func read(_ values: [String]) -> Result<BookingDraft, FieldProblems> {
        BookingForms.details(values, draft: Self.draft, providers: Self.providers, today: Self.today, order: .dayMonthYear)
    }

    @Test func theDraftAsOfferedReadsBackUnchanged() throws {
        let read = try read(["Dr Amina Haddad", "2026-11-20 10:00", "15", "new", "in person", ""]).get()
        #expect(read == Self.draft)
    }

    @Test func anotherProviderTakesTheirOwnSlotLengthUnlessOneWasTyped() throws {
        let moved = try read(["wang", "tomorrow 09:30", "15", "follow-up", "video", "Knee pain"]).get()
        #expect(moved.slot.provider == Self.wang)
        #expect(moved.slot.minutes == 30, "one slot of Dr Wang's, not Dr Haddad's 15")
        #expect(moved.slot.start == LocalDateTime(date: Self.today.adding(days: 1), time: ClockTime("09:30")!))
        #expect(moved.kind == .followUp && moved.mode == .video && moved.reason == "Knee pain")
        guard case let .failure(problems) = read(["wang", "tomorrow 09:30", "45", "new", "in person", ""]) else {
            Issue.record("45 minutes is not in Dr Wang's 30-minute steps")
            return
        }
        #expect(problems.byField[2] == "Dr Wang Li books in steps of 30 minutes: 30, 60, 90…")
    }

    @Test func eachFieldSaysWhatIsWrong() {
        guard case let .failure(problems) = read(["amin", "someday", "x", "soon", "by pigeon", String(repeating: "a", count: 121)]) else {
            Issue.record("nothing here is readable")
            return
        }
        #expect(problems.byField[0] == "“amin” could be Dr Amina Haddad or Dr Hassan Amin; type more of the name.")
        #expect(problems.byField[1]?.hasPrefix("Type a day and a time, such as 2026-11-21 09:00 or tomorrow 10:30.") == true)
        #expect(problems.byField[2] == "Type the length in minutes, 5 to 480 (15 is one slot).")
        #expect(problems.byField[3] == "Kind is new, follow-up or walk-in.")
        #expect(problems.byField[4] == "Mode is in person, video or home visit.")
        #expect(problems.byField[5] == "Keep the reason to 120 characters (it has 121).")
    }

    @Test func anUnknownProviderIsNamedWithTheOnesThereAre() {
        guard case let .failure(problem) = BookingForms.provider("Dr Who", providers: Self.providers) else {
            Issue.record("there is no Dr Who")
            return
        }
        #expect(problem.text.hasPrefix("No provider is called “Dr Who”; there are "))
        #expect(problem.text.contains("Dr Wang Li"))
    }
}
