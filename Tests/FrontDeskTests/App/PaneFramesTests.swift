import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// A running app copies the panes whose inputs did not change from its last frame; whatever
/// happens, the frame it shows must be exactly the one drawn from scratch.
@Suite("Frames that reuse unchanged panes")
struct PaneFramesTests {
    @Test(arguments: [(120, 32), (80, 24)])
    func aReusedFrameIsTheFrameDrawnFromScratch(width: Int, height: Int) async throws {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: Size(width: width, height: height))
        try await driver.signIn("rosa")
        let frames = PaneFrames()
        func check(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let reused = AppRenderer.render(driver.state, reusing: frames)
            let fresh = driver.screen
            #expect(reused == fresh, "after \(what): \(zip(reused.textRows, fresh.textRows).filter { $0 != $1 })",
                    sourceLocation: sourceLocation)
        }
        check("signing in")
        check("nothing (every pane reused)")
        try await driver.keys("F2")
        check("focusing the queue")
        try await driver.keys("down")
        check("moving down the queue")
        let walkIn = try fixture.store.registerPatient(PatientDetails(familyName: "Walkin", givenName: "Wanda"), by: fixture.receptionist)
        _ = try fixture.store.checkInWalkIn(patient: walkIn.id, by: fixture.receptionist)
        await driver.send(.storeChanged(ChangedData([.visits, .audit])))
        check("a check-in elsewhere")
        #expect(driver.screen.textRows.contains { $0.contains("Walkin, Wanda") }, "the check-in is on the queue")
        try await driver.keys("F3")
        await driver.type("garc")
        check("typing a search (the cursor is in the lookup pane)")
        try await driver.keys("ret")
        check("opening a card")
        try await driver.keys("esc")
        check("closing it")
        await driver.resize(width - 10, height - 2)
        check("a smaller terminal")
    }
}
