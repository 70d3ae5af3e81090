import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// Each sign-in is a session in the store; "sign out everywhere" ends a user's sessions and
/// every terminal holding one of them signs that user out when it hears of the commit.
@Suite("Sessions and sign out everywhere", .serialized)
struct SessionFlowTests {
    func terminal(_ fixture: DeskFixture) -> FlowDriver {
        FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
    }

    @Test func aSignInIsASessionAndSigningOutEndsIt() async throws {
        let fixture = try DeskFixture()
        var desk = terminal(fixture)
        try await desk.signIn("rosa")
        let id = try #require(desk.state.shell.sessionID)
        let open = try fixture.store.openSessions()
        #expect(open.map(\.username) == ["rosa"])
        #expect(open.first?.id == id)
        try await desk.keys("g x y")
        #expect(try fixture.store.openSessions().isEmpty)
        #expect(try fixture.store.session(id)?.endReason == "signed out")
        #expect(try fixture.store.auditEvents(limit: 5).map(\.action).contains("session.start"))
    }

    @Test func signingOutEverywhereSignsTheUserOutOnEveryTerminalAndDropsTheirParkedDesk() async throws {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var front = terminal(fixture), back = terminal(fixture), shared = terminal(fixture)
        try await front.signIn("rosa")
        try await back.signIn("rosa")
        try await shared.signIn("rosa")
        try await shared.keys("C-o")  // rosa locks this one; amina signs in on it
        try await shared.keys("S-tab C-u")
        try await shared.signIn("amina")
        #expect(try fixture.store.openSessions().count == 4)

        #expect(try fixture.store.endAllSessions(username: "rosa", by: fixture.admin) == 3)
        for index in [0, 1, 2] {
            var driver = [front, back, shared][index]
            await driver.send(.storeChanged(ChangedData([.sessions])))
            switch index {
            case 0: front = driver
            case 1: back = driver
            default: shared = driver
            }
        }
        for driver in [front, back] {
            #expect(driver.state.screen == .signIn)
            #expect(driver.state.user == nil)
            #expect(driver.text.contains("You were signed out on every terminal"))
        }
        #expect(shared.state.user?.username == "amina", "amina's own session goes on")
        #expect(shared.state.parked.isEmpty, "rosa's parked desk is gone with her session")
        #expect(try fixture.store.openSessions().map(\.username) == ["amina"])
    }

    @Test func anUnrelatedCommitDoesNotSignAnyoneOut() async throws {
        let fixture = try DeskFixture()
        var desk = terminal(fixture)
        try await desk.signIn("rosa")
        await desk.send(.storeChanged(ChangedData([.sessions, .patients])))
        #expect(desk.state.user?.username == "rosa")
    }
}
