import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import PasswordHashing
import TerminalKit
import Testing

/// A temporary password an admin set signs in once, to a screen that asks for the user's own.
@Suite("Temporary password", .serialized)
struct TemporaryPasswordFlowTests {
    @Test func theFirstSignInAsksForANewPasswordTwiceAndThePolicyApplies() async throws {
        let fixture = try DeskFixture()
        let rosa = try #require(try fixture.store.users().first { $0.username == "rosa" })
        _ = try fixture.store.resetPassword(of: rosa.id, temporaryHash: try DeskFixture.hasher.hash("temporary-1"), by: fixture.admin)
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        await driver.type("rosa")
        try await driver.keys("tab")
        await driver.type("temporary-1")
        try await driver.keys("ret")
        #expect(driver.state.screen == .signIn)
        #expect(driver.text.contains("ClinicDesk — choose your password"))
        #expect(driver.text.contains("New password"))
        await driver.type("rosa-own-password")
        try await driver.keys("ret")
        await driver.type("rosa-own-passw0rd")
        try await driver.keys("ret")
        #expect(driver.state.shell.signIn.error == "The two passwords differ; type the new one again.")
        try await driver.keys("S-tab C-u")
        await driver.type("short")
        try await driver.keys("tab")
        await driver.type("short")
        try await driver.keys("ret")
        #expect(driver.state.shell.signIn.error?.contains("at least 10 characters") == true, "\(driver.state.shell.signIn.error ?? "")")
        #expect(driver.state.screen == .signIn, "nothing is open before the password is the user's own")
        try await driver.keys("S-tab C-u")
        await driver.type("rosa-own-password")
        try await driver.keys("tab C-u")
        await driver.type("rosa-own-password")
        try await driver.keys("ret")
        #expect(driver.state.screen == .main)
        #expect(driver.state.user?.username == "rosa")
        #expect(try fixture.store.signIn(username: "rosa", decoy: "d") { DeskFixture.hasher.verify("rosa-own-password", against: $0) }
            == .signedIn(rosa))
    }
}

/// A signed-in user changes their own password: the current one first, then the new one twice;
/// their desk waits on the locked screen meanwhile and comes back as it was.
@Suite("Own password", .serialized)
struct OwnPasswordFlowTests {
    @Test func theCurrentPasswordFirstThenTheNewOneTwiceAndTheDeskComesBack() async throws {
        let fixture = try DeskFixture()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn("rosa")
        try await driver.keys("F2 g w")
        #expect(driver.text.contains("To change rosa's password, type the current one first"), "\(driver.text)")
        #expect(driver.state.parked.count == 1, "the desk waits")
        await driver.type("wrong-one")
        try await driver.keys("ret")
        #expect(driver.state.shell.signIn.error == "Wrong username or password.")
        await driver.type("secret-rosa")
        try await driver.keys("ret")
        #expect(driver.text.contains("ClinicDesk — choose your password"))
        #expect(driver.text.contains("rosa, choose your new password"))
        await driver.type("rosa-new-password")
        try await driver.keys("ret")
        await driver.type("rosa-new-password")
        try await driver.keys("ret")
        #expect(driver.state.screen == .main)
        #expect(driver.state.user?.username == "rosa")
        #expect(driver.state.focus == .queue, "the desk as she left it")
        #expect(try fixture.store.signIn(username: "rosa", decoy: "d") { DeskFixture.hasher.verify("rosa-new-password", against: $0) }
            == .signedIn(driver.state.user!))
    }
}
