import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// Provider hours and leave by keys against a real store: leave over booked appointments lists
/// them for rebooking and cancels none; only an admin gets there.
@Suite("Providers flow", .serialized)
struct ProvidersFlowTests {
    func start(_ username: String) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: Size(width: 120, height: 32))
        try await driver.signIn(username)
        return (fixture, driver)
    }

    @Test func leaveOverBookedAppointmentsListsThemForRebookingAndCancelsNone() async throws {
        var (fixture, driver) = try await start("ada")
        try await driver.keys("g h")
        #expect(driver.text.contains("Dr Wang Li"), "\(driver.text)")
        try await driver.keys("down l")  // Dr Wang Li's leave, from today (filled in)
        #expect(driver.text.contains("First day * 2026-11-20"))
        try await driver.keys("tab tab tab")
        await driver.type("Sick")
        try await driver.keys("C-s")
        #expect(driver.text.contains("Still booked — rebook these"), "\(driver.text)")
        #expect(driver.text.contains("محمد, عبد الله") && driver.text.contains("शर्मा, अनिता"), "\(driver.text)")
        let wang = try fixture.store.schedule(on: CalendarDate(iso: "2026-11-20")!).filter { $0.appointment.providerID == fixture.providers[1].id }
        #expect(wang.allSatisfy { $0.appointment.status != .cancelled }, "never silently cancelled")
        #expect(try fixture.store.scheduleExceptions(covering: CalendarDate(iso: "2026-11-20")!, provider: fixture.providers[1].id)
            .map(\.reason) == ["Sick"])
    }

    @Test func aReceptionistIsToldWhoManagesProviders() async throws {
        var (_, driver) = try await start("rosa")
        try await driver.keys("g h")
        #expect(driver.state.message?.isError == true)
        #expect(driver.state.message?.text.contains("admin") == true, "\(String(describing: driver.state.message))")
    }
}
