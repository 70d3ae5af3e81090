import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// Every screen at the sizes people use: 120×32 (wide), 80×24 (narrow), 40×12 (smallest).
@Suite("Screens", .serialized)
struct ScreenSnapshotTests {
    static let sizes: [(Int, Int)] = [(120, 32), (80, 24), (40, 12)]

    func driver(signedInAs username: String? = "rosa", size: (Int, Int) = (120, 32)) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: Size(width: size.0, height: size.1))
        if let username { try await driver.signIn(username) }
        return (fixture, driver)
    }

    @Test(arguments: sizes)
    func signIn(width: Int, height: Int) async throws {
        var (_, driver) = try await driver(signedInAs: nil, size: (width, height))
        await driver.type("rosa")
        try await driver.keys("tab")
        await driver.type("wrong")
        try await driver.keys("ret")
        #expect(driver.state.shell.signIn.error == "Wrong username or password.")
        assertSnapshot(driver.screen, named: "sign-in-failed-\(width)x\(height)")
    }

    @Test(arguments: [(120, 32), (80, 24)])
    func signInLockedSaysUntilWhen(width: Int, height: Int) async throws {
        var (_, driver) = try await driver(signedInAs: nil, size: (width, height))
        await driver.type("rosa")
        try await driver.keys("tab")
        for attempt in 1...5 {
            await driver.type("wrong-\(attempt)")
            try await driver.keys("ret")
        }
        #expect(driver.state.shell.signIn.error?.hasPrefix("Too many wrong passwords: this username is locked until ") == true)
        #expect(driver.screen.textRows.joined().contains("An admin can unlock it sooner."), "the whole message shows, wrapped")
        assertSnapshot(driver.screen, named: "sign-in-locked-\(width)x\(height)")
    }

    /// The staff screen an admin opens with g u.
    @Test(arguments: [(120, 32), (80, 24)])
    func staffScreen(width: Int, height: Int) async throws {
        var (_, driver) = try await driver(signedInAs: "ada", size: (width, height))
        try await driver.keys("g u")
        #expect(driver.text.contains("Staff — 4 users"))
        assertSnapshot(driver.screen, named: "staff-\(width)x\(height)")
    }

    /// Locked after five idle minutes on the doctor's queue: not one patient's name is left.
    @Test(arguments: [(120, 32), (80, 24)])
    func idleLocked(width: Int, height: Int) async throws {
        var (fixture, driver) = try await driver(signedInAs: "amina", size: (width, height))
        #expect(fixture.patients.keys.contains { driver.text.contains($0) })
        await driver.send(.tick(driver.state.now.addingTimeInterval(5 * 60)))
        #expect(!fixture.patients.keys.contains { driver.text.contains($0) }, "\(driver.text)")
        assertSnapshot(driver.screen, named: "idle-locked-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func mainScreen(width: Int, height: Int) async throws {
        let (_, driver) = try await driver(size: (width, height))
        assertSnapshot(driver.screen, named: "main-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func narrowTabsShowEachPane(width: Int, height: Int) async throws {
        var (_, driver) = try await driver(size: (width, height))
        for (key, pane) in [("F2", "queue"), ("3", "lookup"), ("F4", "prescription")] {
            try await driver.keys(key)
            assertSnapshot(driver.screen, named: "tab-\(pane)-\(width)x\(height)")
        }
    }

    @Test(arguments: [(120, 32), (80, 24)])
    func multiScriptResultsLineUp(width: Int, height: Int) async throws {
        var (_, driver) = try await driver(size: (width, height))
        try await driver.keys("F3")  // the empty box lists rosa's recent patients: all seven, in five scripts
        #expect(driver.state.patients.results.count == 7)
        assertSnapshot(driver.screen, named: "lookup-results-\(width)x\(height)")
    }

    @Test(arguments: [(120, 32), (80, 24)])
    func cardsShowEachAllergyState(width: Int, height: Int) async throws {
        for (query, state) in [("smith", "recorded"), ("garcia", "none-known"), ("nguyen", "not-asked"), ("nguyen", "unable-to-ask")] {
            var (fixture, driver) = try await driver(size: (width, height))
            if state == "unable-to-ask" {
                try fixture.store.recordAllergiesUnableToAsk(
                    patient: fixture.patients["Nguyễn"]!.id, reason: "Unconscious on arrival, no relative present", by: fixture.doctor)
            }
            try await driver.keys("F3")
            await driver.type(query)
            try await driver.keys("ret")
            assertSnapshot(driver.screen, named: "card-\(state)-\(width)x\(height)")
        }
    }

    @Test(arguments: [(120, 32), (80, 24)])
    func formWithFieldErrors(width: Int, height: Int) async throws {
        var (_, driver) = try await driver(size: (width, height))
        try await driver.keys("F3 C-n tab")
        await driver.type("Ana")
        try await driver.keys("tab")
        await driver.type("q")
        try await driver.keys("tab")
        await driver.type("2099-01-01")
        try await driver.keys("C-s")
        assertSnapshot(driver.screen, named: "form-errors-\(width)x\(height)")
    }

    @Test(arguments: [(120, 32), (80, 24)])
    func duplicateDialog(width: Int, height: Int) async throws {
        var (_, driver) = try await driver(size: (width, height))
        try await driver.register(family: "Smyth", given: "Jon", born: "1980-05-02")
        assertSnapshot(driver.screen, named: "duplicates-\(width)x\(height)")
    }

    @Test func helpOverlayListsTheActiveKeys() async throws {
        var (_, driver) = try await driver()
        try await driver.keys("F2 ?")
        #expect(driver.state.isShowingHelp)
        assertSnapshot(driver.screen, named: "help-queue-120x32")
        try await driver.keys("esc")
        #expect(!driver.state.isShowingHelp)
    }

    @Test func quitAsksFirst() async throws {
        var (_, driver) = try await driver()
        try await driver.keys("q")
        assertSnapshot(driver.screen, named: "quit-dialog-120x32")
        try await driver.keys("n")
        #expect(driver.state.confirmation == nil && !driver.state.shouldQuit)
        try await driver.keys("q y")
        #expect(driver.state.shouldQuit)
    }
}
