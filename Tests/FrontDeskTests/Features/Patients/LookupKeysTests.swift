import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// Defects found when lookup was tried as a new receptionist would.
@Suite("Lookup keys", .serialized)
struct LookupKeysTests {
    func signedIn(keymap: Keymap = ShippedKeymap.default) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: keymap)
        try await driver.signIn("rosa")
        try await driver.keys("F3")
        return (fixture, driver)
    }

    @Test func recallLastOpensTheCardJustOpened() async throws {
        var (fixture, driver) = try await signedIn()
        await driver.type("østergaard")  // a patient rosa never wrote to
        try await driver.keys("ret esc C-u")
        try await driver.keys("C-r")
        #expect(driver.state.patients.card?.patientID == fixture.patients["Østergaard"]!.id)
        try await driver.keys("esc")
        #expect(driver.state.patients.results.first?.displayName == "Østergaard, Søren", "first in the recent list too")
    }

    @Test func recallLastWorksWithTextInTheBox() async throws {
        var (fixture, driver) = try await signedIn()
        await driver.type("smith")
        try await driver.keys("ret esc")
        await driver.type(" x")
        try await driver.keys("C-r")
        #expect(driver.state.patients.card?.patientID == fixture.patients["Smith"]!.id)
    }

    @Test(arguments: ["default", "vim", "classic"])
    func ctrlUClearsTheSearchInEveryKeymap(_ name: String) async throws {
        var (_, driver) = try await signedIn(keymap: ShippedKeymap.load(name).keymap)
        await driver.type("garcia")
        try await driver.keys("C-u")
        #expect(driver.state.patients.query.text.isEmpty, "\(name): C-u edits the field before any list binding")
        #expect(driver.state.patients.showingRecent)
    }

    @Test func homeAndEndMoveInTheSearchBox() async throws {
        var (_, driver) = try await signedIn()
        await driver.type("arcia")
        try await driver.keys("home")
        await driver.type("g")
        #expect(driver.state.patients.query.text == "garcia")
    }

    @Test func helpOpensInsideAForm() async throws {
        var (_, driver) = try await signedIn()
        try await driver.keys("C-n F12")
        #expect(driver.state.isShowingHelp)
        #expect(driver.text.contains("Forms"))
        #expect(driver.text.contains("Ctrl-S") && driver.text.contains("Save the form"))
        try await driver.keys("esc")
        #expect(!driver.state.isShowingHelp && driver.state.patients.form != nil, "Esc closes help, the form stays")
        await driver.type("?")
        #expect(driver.state.patients.form?.form.text(at: 0) == "?", "? types into the field")
    }

    @Test func escapeInAChangedFormAsksBeforeThrowingTheChangesAway() async throws {
        var (_, driver) = try await signedIn()
        try await driver.keys("C-n")
        await driver.type("Okafor")
        try await driver.keys("esc")
        #expect(driver.state.confirmation?.title == "Discard changes?")
        #expect(driver.text.contains("Your changes to this new patient are not saved"))
        try await driver.keys("ret")  // "Keep editing" is highlighted
        #expect(driver.state.patients.form?.form.text(at: 0) == "Okafor")
        try await driver.keys("esc y")
        #expect(driver.state.patients.form == nil)
        try await driver.keys("C-n esc")
        #expect(driver.state.patients.form == nil && driver.state.confirmation == nil, "an untouched form just closes")
    }

    @Test func aDoctorIsToldWhyTheyCannotRegister() async throws {
        let fixture = try DeskFixture()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn("amina")
        try await driver.keys("F3 C-n")
        #expect(driver.state.patients.form == nil)
        #expect(driver.state.message == .error("A doctor may not register patients."))
    }

    @Test func theSearchBoxSaysItIsTheFilter() async throws {
        var (_, driver) = try await signedIn()
        try await driver.keys("F4 F3")
        await driver.send(.shell(.route(.filter(.begin))))
        #expect(driver.state.message?.text.hasPrefix("The search box already narrows the list") == true)
    }
}
