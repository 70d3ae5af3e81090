import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

@Suite("Schedule", .serialized)
struct ScheduleTests {
    func signedIn(size: Size = Size(width: 120, height: 32)) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: size)
        try await driver.signIn("rosa")
        try await driver.keys("F1")
        return (fixture, driver)
    }

    @Test func theBookShowsEachProvidersColumnWithFreeSlotsAndTheDaysCount() async throws {
        let (_, driver) = try await signedIn()
        // 08:00–18:00 in 15-minute slots, 32 still to come at 10:00 for each; Dr Haddad's 11:30
        // was cancelled (free again), Dr Wang has three booked.
        #expect(driver.state.scheduleColumns == ["Dr Amina Haddad", "Dr Wang Li"])
        #expect(driver.text.contains("Book — today · 61 free"), "\(driver.text)")
        #expect(driver.text.contains("32 free"))
        #expect(driver.text.contains("29 free"))
        let rows = driver.screen.textRows
        #expect(rows.contains { $0.hasPrefix("│09:00 Smith, John checked in") }, "a booked slot names the patient and the status")
        #expect(rows.contains { $0.hasPrefix("│08:00 ·") }, "a past free slot is a dot")
        #expect(rows.contains { $0.hasPrefix("│10:00 free") }, "a free slot to come says free")
    }

    @Test func theFilterKeepsTheProvidersWhoseNameOrPatientsMatch() async throws {
        var (_, driver) = try await signedIn()
        try await driver.keys("/")
        await driver.type("wang")
        #expect(driver.state.scheduleColumns == ["Dr Wang Li"])
        #expect(driver.text.contains("1/2"), "the filter row counts providers")
        try await driver.keys("C-u")
        await driver.type("nguy")
        #expect(driver.state.scheduleColumns == ["Dr Wang Li"], "Nguyễn is booked with Dr Wang Li")
        try await driver.keys("esc")
        #expect(driver.state.scheduleColumns == ["Dr Amina Haddad", "Dr Wang Li"])
    }

    /// Defect: the 40-column schedule said "waiting" where wider ones said "checked in".
    @Test(arguments: [(40, 12), (80, 24), (120, 32)])
    func oneVocabularyAtEverySize(width: Int, height: Int) async throws {
        var (_, driver) = try await signedIn(size: Size(width: width, height: height))
        try await driver.keys("home")
        try await driver.keys("down down down down")
        // The slot at 09:00, Smith's, in the book's pane (on wide screens only its half of each row).
        let book = driver.screen.textRows.prefix(while: { !$0.hasPrefix("└") })
            .map { $0.components(separatedBy: "││").first!.components(separatedBy: "┐┌").first! }.joined()
        #expect(book.contains("checked in"), "\(width)×\(height)\n\(driver.text)")
        #expect(!book.contains("waiting"), "\(width)×\(height)")
    }

    @Test func checkInIsRefusedWithTheReasonForADoneOrFutureAppointment() async throws {
        var (_, driver) = try await signedIn()
        try await driver.keys("home down down down down")
        try await driver.keys("c")
        #expect(driver.state.message == .error("Smith, John is checked in; only booked or confirmed appointments can be checked in."))
        try await driver.keys("] ]")
        #expect(driver.state.schedule.day.description == "2026-11-22")
        #expect(driver.text.contains("No provider works on Sun 22 Nov"), "\(driver.text)")
        try await driver.keys("c")
        #expect(driver.state.message == .error("Select an appointment to check in."), "a day nobody works")
    }

    @Test func dayNavigationIsPure() {
        var state = ScheduleState(day: CalendarDate(iso: "2026-11-20")!)
        let context = ScheduleFeature.Context(session: TestSessions.session())
        expectReduce(&state, { ScheduleFeature.reduce(&$0, .nextDay, context) },
                     changes: { $0 = ScheduleState(day: CalendarDate(iso: "2026-11-21")!) },
                     returns: .effects(.load(CalendarDate(iso: "2026-11-21")!)))
        expectReduce(&state, { ScheduleFeature.reduce(&$0, .nextWeek, context) },
                     changes: { $0 = ScheduleState(day: CalendarDate(iso: "2026-11-28")!) },
                     returns: .effects(.load(CalendarDate(iso: "2026-11-28")!)))
        expectReduce(&state, { ScheduleFeature.reduce(&$0, .today, context) },
                     changes: { $0 = ScheduleState(day: CalendarDate(iso: "2026-11-20")!) },
                     returns: .effects(.load(CalendarDate(iso: "2026-11-20")!)))
        let stale = AppointmentBook(date: CalendarDate(iso: "2026-11-19")!, days: [], entries: [])
        expectReduce(&state, { ScheduleFeature.reduce(&$0, .loaded(CalendarDate(iso: "2026-11-19")!, stale), context) },
                     returns: .none)
    }
}
