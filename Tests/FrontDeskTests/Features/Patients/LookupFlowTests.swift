import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

@Suite("Patient lookup flows", .serialized)
struct LookupFlowTests {
    func signedIn(_ username: String = "rosa") async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn(username)
        #expect(driver.state.user?.username == username)
        try await driver.keys("F3")
        return (fixture, driver)
    }

    func resultNames(_ driver: FlowDriver) -> [String] { driver.state.patients.results.map(\.displayName) }

    @Test func searchesByEveryKindOfInput() async throws {
        var (_, driver) = try await signedIn()
        await driver.type("sm jo")
        #expect(resultNames(driver) == ["Smith, John"])
        #expect(driver.text.contains("Smith, John"))
        try await driver.keys("esc")
        await driver.type("jose")
        #expect(resultNames(driver) == ["García, José"])
        try await driver.keys("esc")
        await driver.type("محمد")
        #expect(resultNames(driver) == ["محمد, عبد الله"])
        try await driver.keys("esc")
        await driver.type("123456")
        #expect(resultNames(driver) == ["García, José", "Nguyễn, Thị Hương", "Smith, John", "محمد, عبد الله"])
        try await driver.keys("esc")
        await driver.type("2/5/1980")
        #expect(resultNames(driver) == ["Smith, John"])
        try await driver.keys("esc")
        await driver.type("#RVC-000002")
        #expect(resultNames(driver) == ["García, José"])
    }

    @Test func findsByTheFormsTypedMostAtTheDesk() async throws {
        var (_, driver) = try await signedIn()
        await driver.type("nguyen 24/12/1969")
        #expect(resultNames(driver) == ["Nguyễn, Thị Hương"])
        #expect(driver.text.contains("Nguyễn, Thị Hương"))
        try await driver.keys("esc")
        await driver.type("rvc2")
        #expect(resultNames(driver) == ["García, José"], "RVC-000002 typed without its dash")
        try await driver.keys("esc")
        await driver.type("24121969")
        #expect(resultNames(driver) == ["Nguyễn, Thị Hương"], "a compact date of birth")
        try await driver.keys("esc")
        await driver.type("+44 7911 123456")
        #expect(resultNames(driver) == ["Smith, John"], "stored as 07911 123456")
    }

    @Test func registeringFromANameAndDateFillsBoth() async throws {
        var (_, driver) = try await signedIn()
        await driver.type("Okafor Ngozi 14/2/1995")
        #expect(resultNames(driver).isEmpty)
        try await driver.keys("C-n")
        let form = try #require(driver.state.patients.form)
        #expect(form.form.text(at: 0) == "Ngozi" && form.form.text(at: 1) == "Okafor", "names as from a name search")
        #expect(form.form.text(at: 3) == "1995-02-14", "the date of birth, unambiguous")
    }

    @Test func emptyBoxShowsRecentPatientsAndRecallsTheLast() async throws {
        var (fixture, driver) = try await signedIn()
        #expect(driver.state.patients.showingRecent)
        #expect(resultNames(driver).first == "Nguyễn, Thị Hương", "the last patient rosa booked")
        try await driver.keys("C-r")
        #expect(driver.state.patients.card?.patientID == fixture.patients["Nguyễn"]!.id)
    }

    @Test func opensACardWithTheAllergyBanner() async throws {
        var (_, driver) = try await signedIn()
        await driver.type("smith")
        try await driver.keys("ret")
        let card = try #require(driver.state.patients.card?.card)
        #expect(card.patient.displayName == "Smith, John")
        #expect(driver.text.contains("⚠ ALLERGIES: Penicillins (severe: Anaphylaxis); Latex (mild:"))
        #expect(driver.text.contains("│Rash)"), "the banner wraps instead of cutting an allergy off")
        try await driver.keys("esc")
        #expect(driver.state.patients.card == nil)
        #expect(driver.state.patients.query.text == "smith", "closing the card keeps the search")
    }

    @Test func registersANewPatientAndFindsThemAgain() async throws {
        var (fixture, driver) = try await signedIn()
        await driver.type("Okafor Ngozi")
        #expect(resultNames(driver).isEmpty)
        try await driver.keys("C-n")
        let form = try #require(driver.state.patients.form)
        #expect(form.form.text(at: 0) == "Ngozi" && form.form.text(at: 1) == "Okafor", "the search text prefills the names")
        try await driver.keys("tab tab")
        await driver.type("f")
        try await driver.keys("tab")
        await driver.type("14/2/1995")
        try await driver.keys("tab tab")
        await driver.type("0800 111 222")
        try await driver.keys("C-s")
        #expect(driver.state.patients.form == nil, "\(driver.state.message?.text ?? "")")
        let saved = try #require(driver.state.patients.card?.card?.patient)
        #expect(saved.displayName == "Ngozi, Okafor")
        #expect(saved.details.birthDate?.date.description == "1995-02-14")
        #expect(try fixture.store.searchPatients(text: "ngozi okafor").map(\.id) == [saved.id])
        try await driver.keys("esc esc")
        await driver.type("ngozi")
        #expect(resultNames(driver) == ["Ngozi, Okafor"])
    }
}
