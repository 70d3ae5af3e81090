import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// Defect: the prescriptions pane followed whichever list changed last — it showed García's
/// amoxicillin beside a search with 0 results, and another patient while García's card was open.
@Suite("The prescriptions pane follows the patient being looked at", .serialized)
struct LookedAtPatientTests {
    func signedIn() async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn("rosa")
        return (fixture, driver)
    }

    func prescriptionsTitle(_ driver: FlowDriver) -> String? {
        driver.screen.textRows.compactMap { row in row.range(of: "┌ Prescriptions").map { String(row[$0.lowerBound...]) } }.first
    }

    @Test func aSearchWithNoResultsShowsNobodysPrescriptions() async throws {
        var (fixture, driver) = try await signedIn()
        try await driver.keys("F3")
        await driver.type("garcia")
        #expect(driver.state.prescriptions.patient?.id == fixture.patients["García"]!.id)
        #expect(prescriptionsTitle(driver)?.hasPrefix("┌ Prescriptions — García, José · RVC-000002 ") == true)
        #expect(driver.text.contains("Amoxicillin 500 mg capsule"))
        await driver.type("zzz")
        #expect(driver.state.patients.results.isEmpty)
        #expect(driver.state.prescriptions.patient == nil)
        #expect(!driver.text.contains("Amoxicillin"), "no one's medicines beside an empty search")
        #expect(driver.text.contains("Select a patient to see their prescriptions"))
    }

    @Test func anOpenCardKeepsThePaneOnItsPatient() async throws {
        var (fixture, driver) = try await signedIn()
        try await driver.keys("F3")
        await driver.type("garcia")
        try await driver.keys("ret")
        #expect(driver.state.patients.card?.card?.patient.displayName == "García, José")
        try await driver.keys("F1 right down down")  // the book moves to محمد at 10:30
        #expect(driver.state.prescriptions.patient?.id == fixture.patients["García"]!.id,
                "the card on screen decides, not the last list that moved")
        try await driver.keys("F3 esc")
        try await driver.keys("F1 down down")  // 11:00, शर्मा
        #expect(driver.state.prescriptions.patient?.id == fixture.patients["शर्मा"]!.id, "card closed: the schedule's selection")
        #expect(prescriptionsTitle(driver)?.contains("शर्मा, अनिता · RVC-000004") == true)
    }

    @Test func theQueueSelectionIsFollowedAndNamedWithItsMRN() async throws {
        var (fixture, driver) = try await signedIn()
        try await driver.keys("F2 down")
        #expect(driver.state.prescriptions.patient?.id == fixture.patients["Nguyễn"]!.id)
        #expect(prescriptionsTitle(driver)?.contains("Nguyễn, Thị Hương · RVC-000006") == true)
    }
}
