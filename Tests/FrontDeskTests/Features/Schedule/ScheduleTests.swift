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

    /// Defect: the title counted 91 while the filter counted 95 of the same rows.
    @Test func theTitleAndTheFilterCountTheSameRows() async throws {
        var (_, driver) = try await signedIn()
        #expect(driver.text.contains("Schedule — today (6, 1 cancelled)"))
        try await driver.keys("/")
        await driver.type("wang")
        #expect(driver.state.visibleRows(of: .schedule).count == 3)
        #expect(driver.text.contains("Schedule — today (3 of 6 match “wang”)"))
        #expect(driver.text.contains("3/6"), "the filter row says the same")
    }

    /// Defect: the 40-column schedule said "waiting" where wider ones said "checked in".
    @Test(arguments: [(40, 12), (80, 24), (120, 32)])
    func oneVocabularyAtEverySize(width: Int, height: Int) async throws {
        let (_, driver) = try await signedIn(size: Size(width: width, height: height))
        // The schedule pane: its rows, and on wide screens only its half of each row.
        let schedule = driver.screen.textRows.prefix(while: { !$0.hasPrefix("└") })
            .map { $0.components(separatedBy: "││").first!.components(separatedBy: "┐┌").first! }.joined()
        #expect(schedule.contains("checked in"), "\(width)×\(height)")
        #expect(!schedule.contains("waiting"), "\(width)×\(height)")
    }

    @Test func checkInIsRefusedWithTheReasonForADoneOrFutureAppointment() async throws {
        var (_, driver) = try await signedIn()
        try await driver.keys("c")
        #expect(driver.state.message == .error("Smith, John is checked in; only booked or confirmed appointments can be checked in."))
        try await driver.keys("] down down")
        #expect(driver.state.schedule.day.description == "2026-11-21")
        try await driver.keys("c")
        #expect(driver.state.message == .error("Select an appointment to check in."), "an empty day")
    }

    @Test func dayNavigationIsPure() {
        var state = ScheduleState(day: CalendarDate(iso: "2026-11-20")!)
        let context = FeatureContext<Never>(session: TestSessions.session())
        expectReduce(&state, { ScheduleFeature.reduce(&$0, .nextDay, context) },
                     changes: { $0 = ScheduleState(day: CalendarDate(iso: "2026-11-21")!) },
                     returns: .effects(.load(CalendarDate(iso: "2026-11-21")!)))
        expectReduce(&state, { ScheduleFeature.reduce(&$0, .today, context) },
                     changes: { $0 = ScheduleState(day: CalendarDate(iso: "2026-11-20")!) },
                     returns: .effects(.load(CalendarDate(iso: "2026-11-20")!)))
        expectReduce(&state, { ScheduleFeature.reduce(&$0, .loaded(CalendarDate(iso: "2026-11-19")!, []), context) },
                     returns: .none)
    }
}
