import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// A terminal left alone locks and shows no patient; the same password brings the desk back as
/// it was; someone else may sign in meanwhile and never sees the first user's work.
@Suite("Idle lock and switching users", .serialized)
struct IdleLockFlowTests {
    func start(size: Size = Size(width: 120, height: 32)) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: size)
        try await driver.signIn("amina")
        return (fixture, driver)
    }

    /// Every patient of the fixture, by family name, that the screen shows.
    func patientsOnScreen(_ fixture: DeskFixture, _ driver: FlowDriver) -> [String] {
        fixture.patients.keys.filter { driver.text.contains($0) }.sorted()
    }

    @Test func fiveMinutesWithoutAKeyLockTheScreenAndNoPatientIsLeftOnIt() async throws {
        var (fixture, driver) = try await start()
        #expect(!patientsOnScreen(fixture, driver).isEmpty, "the doctor's queue shows patients")
        let signedIn = driver.state.now
        await driver.send(.tick(signedIn.addingTimeInterval(4 * 60 + 59)))
        #expect(driver.state.screen == .main, "not yet")
        await driver.send(.tick(signedIn.addingTimeInterval(5 * 60)))
        #expect(driver.state.screen == .signIn)
        #expect(driver.state.user == nil)
        #expect(patientsOnScreen(fixture, driver) == [], "\(driver.text)")
        #expect(driver.text.contains("ClinicDesk — locked"))
        #expect(driver.text.contains("Locked after 5 minutes without a key. amina's work"))
        #expect(driver.state.shell.signIn.form.text(at: 0) == "amina", "only the password is asked")
    }

    @Test func aKeyPutsTheLockOff() async throws {
        var (_, driver) = try await start()
        let signedIn = driver.state.now
        await driver.send(.tick(signedIn.addingTimeInterval(4 * 60)))
        try await driver.keys("down")
        await driver.send(.tick(signedIn.addingTimeInterval(8 * 60)))
        #expect(driver.state.screen == .main, "four minutes since the last key")
        await driver.send(.tick(signedIn.addingTimeInterval(9 * 60)))
        #expect(driver.state.screen == .signIn)
        await driver.type("secret-amina")
        try await driver.keys("ret")
        try await driver.keys("g l")
        #expect(driver.state.screen == .signIn, "g l locks at once from a pane")
        #expect(driver.text.contains("Locked. amina's work"))
    }

    @Test func thePasswordBringsBackTheDeskWithItsUnsavedForm() async throws {
        var (_, driver) = try await start()
        try await driver.keys("F3 C-n")
        await driver.type("Nakamura")
        #expect(driver.text.contains("Nakamura"))
        try await driver.keys("C-o")
        #expect(driver.state.screen == .signIn)
        #expect(!driver.text.contains("Nakamura"))
        await driver.type("wrong-password")
        try await driver.keys("ret")
        #expect(driver.state.screen == .signIn)
        #expect(driver.state.shell.signIn.error == "Wrong username or password.")
        await driver.type("secret-amina")
        try await driver.keys("ret")
        #expect(driver.state.screen == .main)
        #expect(driver.state.user?.username == "amina")
        #expect(driver.text.contains("Nakamura"), "the registration form, as she left it")
        #expect(driver.text.contains("Welcome back, "))
    }

    @Test func someoneElseSignsInMeanwhileAndNeverSeesTheLockedWork() async throws {
        var (_, driver) = try await start()
        try await driver.keys("F3 C-n")
        await driver.type("Nakamura")
        try await driver.keys("C-o")
        try await driver.keys("S-tab")
        #expect(driver.state.shell.signIn.form.focus == 0)
        try await driver.keys("C-u")
        try await driver.signIn("rosa")
        #expect(driver.state.user?.username == "rosa")
        #expect(!driver.text.contains("Nakamura"), "rosa's own desk")
        #expect(driver.state.modals.isEmpty)
        try await driver.keys("g x y")
        #expect(driver.state.screen == .signIn)
        #expect(driver.state.parked.count == 1, "signing rosa out keeps amina's desk")
        try await driver.signIn("amina")
        #expect(driver.text.contains("Nakamura"))
        #expect(driver.state.parked.isEmpty)
    }
}
