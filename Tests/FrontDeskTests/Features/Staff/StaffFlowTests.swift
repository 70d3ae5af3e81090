import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// The staff screen as an admin uses it, against the real store: the list, a new user with a
/// one-time password that they replace at first sign-in, a role change, disabling, signing out
/// everywhere; and refused, with the reason, for anyone else.
@Suite("Staff screen", .serialized)
struct StaffFlowTests {
    func start(_ username: String = "ada") async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn(username)
        return (fixture, driver)
    }

    @Test func anAdminSeesEveryUserWithRoleStatusAndWhereTheyAreSignedIn() async throws {
        var (_, driver) = try await start()
        try await driver.keys("g u")
        #expect(driver.text.contains("Staff — 4 users · 1 signed in"), "\(driver.text)")
        let ada = try #require(driver.screen.textRows.first { $0.contains("ada ") && $0.contains("Ada Admin") })
        #expect(ada.contains("admin") && ada.contains("active") && ada.contains("1 terminal") && ada.contains("2026-11-20 10:00"), "\(ada)")
        let rosa = try #require(driver.screen.textRows.first { $0.contains("Rosa Díaz") })
        #expect(rosa.contains("receptionist") && rosa.contains("never"), "\(rosa)")
        try await driver.keys("esc")
        #expect(driver.state.modals.isEmpty)
    }

    @Test func aNewUserGetsATemporaryPasswordShownOnceAndChoosesTheirOwn() async throws {
        var (fixture, driver) = try await start()
        try await driver.keys("g u")
        try await driver.keys("a")
        #expect(driver.text.contains("Add a user"), "\(driver.state.message?.text ?? "")")
        await driver.type("sam")
        try await driver.keys("tab")
        await driver.type("Sam Okoro")
        try await driver.keys("tab")
        await driver.type("surgeon")
        try await driver.keys("C-s")
        #expect(driver.text.contains("“surgeon” is not a role"), "bad input is named by its field")
        #expect(try fixture.store.users().contains { $0.username == "sam" } == false, "nothing saved")
        try await driver.keys("C-u")
        await driver.type("nurse")
        try await driver.keys("C-s")
        let message = try #require(driver.state.message?.text)
        #expect(message.hasPrefix("Added sam (nurse). Temporary password: "), "\(message)")
        let temporary = String(message.dropFirst("Added sam (nurse). Temporary password: ".count).prefix(19))
        #expect(driver.text.contains("Sam Okoro"), "the list shows them")
        try await driver.keys("esc g x y")
        await driver.type("sam")
        try await driver.keys("tab")
        await driver.type(temporary)
        try await driver.keys("ret")
        #expect(driver.text.contains("ClinicDesk — choose your password"))
    }

    @Test func roleDisableAndSignOutEverywhereAskAndAreDone() async throws {
        var (fixture, driver) = try await start()
        var other = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await other.signIn("rosa")
        try await driver.keys("g u")
        await driver.send(.storeChanged(ChangedData([.sessions])))
        try await driver.keys("/")
        await driver.type("rosa")
        try await driver.keys("ret o")
        #expect(driver.text.contains("Sign rosa out everywhere?"))
        try await driver.keys("y")
        #expect(driver.state.message?.text == "Signed rosa out of 1 session.")
        await other.send(.storeChanged(ChangedData([.sessions])))
        #expect(other.state.screen == .signIn, "rosa's terminal shows the sign-in screen")
        try await driver.keys("o")
        #expect(driver.state.message?.text == "rosa is not signed in anywhere.")
        try await driver.keys("r")
        #expect(driver.text.contains("Role of rosa"))
        try await driver.keys("down down ret")  // receptionist → nurse
        #expect(driver.state.message?.text == "rosa is now a nurse.")
        try await driver.keys("d y")
        #expect(driver.state.message?.text == "Disabled rosa: they cannot sign in, and their terminals show the sign-in screen.")
        #expect(try fixture.store.users().first { $0.username == "rosa" }?.isActive == false)
        try await driver.keys("d")
        #expect(driver.state.message?.text == "Enabled rosa.", "enabling asks nothing")
    }

    @Test func onlyAnAdminOpensItAndAnAdminCannotDisableThemself() async throws {
        var (_, driver) = try await start("rosa")
        try await driver.keys("g u")
        #expect(driver.state.modals.isEmpty)
        #expect(driver.state.message?.text == "A receptionist may not manage users. Ask a clinic admin.")
        var (_, admin) = try await start()
        try await admin.keys("g u")
        try await admin.keys("d")
        #expect(admin.state.message?.text == "You cannot disable yourself; another admin can.", "ada is selected first")
    }
}
