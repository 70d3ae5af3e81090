import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// Defect: status-line messages were cut to about 9 characters at 120×32 ("Only tod…").
@Suite("Message line", .serialized)
struct MessageLineTests {
    func signedIn(_ width: Int, _ height: Int) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: Size(width: width, height: height))
        try await driver.signIn("amina")
        return (fixture, driver)
    }

    /// The rows of the screen joined, so a sentence wrapped over two rows can be found.
    func screenText(_ driver: FlowDriver) -> String {
        driver.screen.textRows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test(arguments: [(80, 24), (120, 32), (200, 60)])
    func aRefusalIsReadableInFull(width: Int, height: Int) async throws {
        var (_, driver) = try await signedIn(width, height)
        try await driver.keys("F3 C-n")  // a doctor may not register patients
        let refusal = "A doctor may not register patients."
        #expect(driver.state.message == .error(refusal))
        #expect(screenText(driver).contains("✗ " + refusal))
    }

    @Test func aLongMessageWrapsInsteadOfBeingCut() async throws {
        var (_, driver) = try await signedIn(80, 24)
        try await driver.keys("F1 right " + Array(repeating: "down", count: 16).joined(separator: " "))  // 14:00, Nguyễn, already checked in
        try await driver.keys("c")
        let message = try #require(driver.state.message?.text)
        #expect(message.count > 78, "longer than one row: \(message)")
        #expect(screenText(driver).contains(message))
    }

    @Test func aMessageStaysUntilTheNextKey() async throws {
        var (fixture, driver) = try await signedIn(120, 32)
        try await driver.keys("F3 C-n")
        let refusal = StatusMessage.error("A doctor may not register patients.")
        fixture.clock.advance(by: 60)
        await driver.send(.tick(fixture.clock.wallClock.now()))
        await driver.send(.storeChanged(.everything))
        #expect(driver.state.message == refusal, "ticks and other terminals' writes leave it")
        try await driver.keys("down")
        #expect(driver.state.message == nil, "the next key clears it")
    }
}
