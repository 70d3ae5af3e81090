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

    /// The patient on the queue row drawn with the selection mark.
    func selectedName(_ driver: FlowDriver) -> String? {
        let queue = driver.screen.textRows.compactMap { $0.components(separatedBy: "││").last }
        let row = queue.first { $0.hasPrefix(">") }
        return driver.state.queue.rows.map(\.patientName).first { name in row?.contains(String(name.prefix(10))) == true }
    }

    @Test func filteringByWhatTheRowsSayKeepsASelectionThatKeysMove() async throws {
        var (fixture, driver) = try await signedIn()
        try await driver.keys("/")
        await driver.type("late")  // the Wait column says LATE for Smith and Nguyễn
        try await driver.keys("ret")
        #expect(driver.state.visibleRows(of: .queue).map { driver.state.queue.entries[$0].patientName }
                == ["Smith, John", "Nguyễn, Thị Hương"])
        #expect(driver.state.queue.list.selected == driver.state.visibleRows(of: .queue).first, "a row is selected")
        #expect(selectedName(driver) == "Smith, John", "and it is the one shown as selected")
        try await driver.keys("down")
        #expect(selectedName(driver) == "Nguyễn, Thị Hương")
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
