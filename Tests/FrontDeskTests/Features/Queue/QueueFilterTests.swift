import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// Defect: after filtering the queue with `/` and Enter, no row was selected and Down/Enter
/// did nothing — the keys moved through rows filtered by other words than the screen showed.
@Suite("Queue filter", .serialized)
struct QueueFilterTests {
    func signedIn() async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn("rosa")
        try await driver.keys("F2")
        return (fixture, driver)
    }

    @Test func filteringByWhatTheRowsSayKeepsASelectionThatKeysMove() async throws {
        var (fixture, driver) = try await signedIn()
        try await driver.keys("/")
        await driver.type("late")  // the Wait column says LATE for Smith and Nguyễn
        try await driver.keys("ret")
        #expect(driver.state.visibleRows(of: .queue).map { driver.state.queue.entries[$0].patientName }
                == ["Smith, John", "Nguyễn, Thị Hương"])
        #expect(driver.state.queue.list.selected == driver.state.visibleRows(of: .queue).first, "a row is selected")
        #expect(driver.text.contains("> Smith, John"), "and it is the one shown as selected")
        try await driver.keys("down")
        #expect(driver.text.contains("> Nguyễn, Thị Hương"))
        try await driver.keys("ret")
        #expect(driver.state.patients.card?.patientID == fixture.patients["Nguyễn"]!.id, "Enter opens the selected patient")
    }

    @Test func theStatusWordsOnScreenAreWhatTheFilterMatches() async throws {
        var (_, driver) = try await signedIn()
        try await driver.keys("/")
        await driver.type("in room")
        #expect(driver.state.visibleRows(of: .queue).map { driver.state.queue.entries[$0].patientName } == ["García, José"])
        try await driver.keys("esc")
        #expect(driver.state.visibleRows(of: .queue).count == 3)
    }
}
