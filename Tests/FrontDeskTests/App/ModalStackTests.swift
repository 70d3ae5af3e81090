import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// Modals are one stack in state: keys go to the top, drawing goes bottom-up.
@Suite("Modal stack", .serialized)
struct ModalStackTests {
    @Test func helpOverADialogOverTheDuplicateCheck() async throws {
        let fixture = try DeskFixture()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn("rosa")
        try await driver.register(family: "Smyth", given: "Jon", born: "1980-05-02")
        #expect(driver.state.duplicatesDialog != nil)
        try await driver.keys("q")  // a global key behind a dialog
        #expect(driver.state.message == .error("Finish with the dialog first (Esc closes it)."))
        #expect(!driver.state.shouldQuit && driver.state.modals.count == 1)
        try await driver.keys("F12")
        #expect(driver.state.modals.count == 2 && driver.state.isShowingHelp)
        #expect(driver.text.contains("Possible duplicates") && driver.text.contains("Keys — Esc to close"),
                "help is drawn over the dialog, which stays drawn beneath")
        #expect(driver.text.contains("Register a new patient anyway"), "help lists the dialog's keys")
        try await driver.keys("esc")
        #expect(driver.state.modals.count == 1, "Esc closes only the top layer")
        try await driver.keys("esc")
        #expect(driver.state.modals.isEmpty && driver.state.patients.form != nil, "then the dialog, back to the form")
    }

    @Test func theQuitQuestionTakesTheKeysWhileItIsOpen() async throws {
        let fixture = try DeskFixture()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn("rosa")
        try await driver.keys("q")
        #expect(driver.state.confirmation?.title == "Quit ClinicDesk?")
        try await driver.keys("down")
        #expect(driver.state.focus == .schedule && driver.state.confirmation != nil)
        try await driver.keys("tab ret")
        #expect(driver.state.shouldQuit, "Tab highlighted Yes, Enter pressed it")
    }
}
