import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

@Suite("App shell", .serialized)
struct ShellFlowTests {
    func start(size: Size = Size(width: 120, height: 32)) throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        return (fixture, FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: size))
    }

    @Test func signingInShowsTheUserAndRole() async throws {
        var (_, driver) = try start()
        #expect(driver.state.screen == .signIn)
        try await driver.signIn("amina")
        #expect(driver.state.screen == .main)
        #expect(driver.state.focus == .queue, "clinicians start on their queue")
        #expect(driver.text.contains("amina (doctor)"))
    }

    @Test func aWrongPasswordSaysSoAndClearsTheField() async throws {
        var (_, driver) = try start()
        await driver.type("rosa")
        try await driver.keys("tab")
        await driver.type("nope")
        try await driver.keys("ret")
        #expect(driver.state.screen == .signIn)
        #expect(driver.state.shell.signIn.error == "Wrong username or password.")
        #expect(driver.state.shell.signIn.form.text(at: 1).isEmpty)
        #expect(driver.text.contains("✗ Wrong username or password."))
    }

    @Test func focusMovesWithTabAndTheFunctionKeys() async throws {
        var (_, driver) = try start()
        try await driver.signIn("rosa")
        #expect(driver.state.focus == .schedule)
        try await driver.keys("tab")
        #expect(driver.state.focus == .queue)
        try await driver.keys("S-tab S-tab")
        #expect(driver.state.focus == .prescription)
        try await driver.keys("F1")
        #expect(driver.state.focus == .schedule)
        try await driver.keys("2")
        #expect(driver.state.focus == .queue)
        try await driver.keys("g p")
        #expect(driver.state.focus == .lookup, "the g prefix menu")
    }

    @Test func narrowScreensShowOnePaneAndTabs() async throws {
        var (_, driver) = try start(size: Size(width: 80, height: 24))
        try await driver.signIn("rosa")
        #expect(driver.text.hasPrefix(" F1 Schedule │ F2 Queue │ F3 Patients │ F4 Prescriptions"))
        try await driver.keys("F2")
        #expect(driver.text.contains("Queue — 2 waiting"))
        #expect(!driver.text.contains("Book — today"))
        await driver.resize(120, 32)
        #expect(driver.text.contains("Queue — 2 waiting") && driver.text.contains("Book — today"))
        await driver.resize(40, 12)
        #expect(driver.text.contains("Queue"))
        await driver.resize(1, 1)
        await driver.resize(0, 0)
        #expect(driver.screen.size == Size(width: 0, height: 0))
    }

    @Test func theQueueTicksAndShowsLatePatientsInWords() async throws {
        var (fixture, driver) = try start()
        try await driver.signIn("rosa")
        #expect(driver.text.contains("LATE 2h55"))
        fixture.clock.advance(by: 60)
        await driver.send(.tick(fixture.clock.wallClock.now()))
        #expect(driver.text.contains("LATE 2h56"))
    }

    @Test func anotherProcessesCheckInAppearsWithoutAKeyPress() async throws {
        var (fixture, driver) = try start()
        try await driver.signIn("rosa")
        #expect(!driver.state.queue.entries.contains { $0.patientName == "Østergaard, Søren" })
        let otherTerminal = try ClinicStore.open(at: fixture.store.path, environment: fixture.store.environment)
        try otherTerminal.checkInWalkIn(patient: fixture.patients["Østergaard"]!.id, by: fixture.receptionist)
        await driver.send(.storeChanged(.everything))
        #expect(driver.state.queue.entries.map(\.patientName).contains("Østergaard, Søren"))
        #expect(driver.text.contains("Østergaard, Søren"))
    }

    @Test func checkingInFromTheScheduleMovesThePatientToTheQueue() async throws {
        var (_, driver) = try start()
        try await driver.signIn("rosa")
        try await driver.keys("right down down")  // Dr Wang Li's 10:30: محمد, confirmed
        try await driver.keys("c")
        #expect(driver.state.message?.text == "Checked in محمد, عبد الله.")
        #expect(driver.state.queue.entries.map(\.patientName).contains("محمد, عبد الله"))
        try await driver.keys("c")
        #expect(driver.state.message?.text == "محمد, عبد الله is checked in; only booked or confirmed appointments can be checked in.")
        #expect(driver.state.message?.isError == true)
    }

    @Test func theScheduleFilterNarrowsTheProviders() async throws {
        var (_, driver) = try start()
        try await driver.signIn("rosa")
        try await driver.keys("/")
        await driver.type("wang")
        #expect(driver.state.scheduleColumns == ["Dr Wang Li"])
        try await driver.keys("ret")
        #expect(driver.state.schedule.columnFilter.isEditing == false)
        #expect(driver.state.scheduleColumns == ["Dr Wang Li"], "enter keeps the filter")
        try await driver.keys("/ esc")
        #expect(driver.state.scheduleColumns == ["Dr Amina Haddad", "Dr Wang Li"])
    }

    @Test func signingOutReturnsToTheSignInScreen() async throws {
        var (_, driver) = try start()
        try await driver.signIn("rosa")
        try await driver.keys("g x y")
        #expect(driver.state.screen == .signIn)
        #expect(driver.state.user == nil)
        #expect(driver.state.message?.text == "Signed out.")
    }
}
