import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

@Suite("Duplicate-safe registration", .serialized)
struct DuplicateFlowTests {
    /// Opens the registration form and fills family, given, sex, date of birth and phone.
    func register(family: String, given: String, birth: String, phone: String = "") async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn("rosa")
        try await driver.keys("F3 C-n")
        await driver.type(family)
        try await driver.keys("tab")
        await driver.type(given)
        try await driver.keys("tab")
        await driver.type("m")
        try await driver.keys("tab")
        await driver.type(birth)
        try await driver.keys("tab tab")
        await driver.type(phone)
        try await driver.keys("C-s")
        return (fixture, driver)
    }

    @Test func aSimilarNameWithTheSameBirthDateStopsTheRegistration() async throws {
        let (fixture, driver) = try await register(family: "Smyth", given: "Jon", birth: "1980-05-02")
        let duplicates = try #require(driver.state.duplicatesDialog, "\(driver.state.message?.text ?? "no message")")
        #expect(duplicates.candidates.map(\.patient.displayName) == ["Smith, John"])
        #expect(duplicates.candidates[0].matched == [.name, .birthDate])
        #expect(driver.text.contains("Possible duplicates of Smyth, Jon"))
        #expect(driver.text.contains("name sounds alike, same date of birth"))
        #expect(try fixture.store.searchPatients(text: "smyth").isEmpty, "nothing saved while the dialog is open")
    }

    @Test func theSamePhoneNumberStopsTheRegistration() async throws {
        let (_, driver) = try await register(family: "Ortiz", given: "Lucía", birth: "2001-01-01", phone: "07911 123456")
        let duplicates = try #require(driver.state.duplicatesDialog)
        #expect(duplicates.candidates.map(\.patient.displayName) == ["Smith, John"])
        #expect(duplicates.candidates[0].matched == [.phone])
    }

    @Test func usingTheExistingPatientSavesNothingNewAndIsAudited() async throws {
        var (fixture, driver) = try await register(family: "Smyth", given: "Jon", birth: "1980-05-02")
        let before = try fixture.store.pendingChangeCount()
        try await driver.keys("ret")
        #expect(driver.state.patients.form == nil)
        #expect(driver.state.patients.card?.patientID == fixture.patients["Smith"]!.id, "the existing card opens")
        #expect(try fixture.store.pendingChangeCount() == before, "no new patient, no new change")
        #expect(try fixture.store.searchPatients(text: "smyth").isEmpty)
        let events = try fixture.store.auditEvents(limit: 2)
        #expect(events.first?.action == "patient.read", "opening the existing card is audited as a read")
        #expect(events.first?.summary == "Opened the card of Smith, John (RVC-000001)")
        let audit = try #require(events.last)
        #expect(audit.action == "patient.duplicate-avoided")
        #expect(audit.actor == "rosa")
        #expect(audit.summary == "Used the existing record of Smith, John (RVC-000001) instead of registering again")
    }

    @Test func registeringAnywayNeedsAReasonAndRecordsIt() async throws {
        var (fixture, driver) = try await register(family: "Smyth", given: "Jon", birth: "1980-05-02")
        try await driver.keys("C-a")
        #expect(driver.state.duplicatesDialog?.reason != nil)
        #expect(driver.text.contains("Why is this a different person?"))
        try await driver.keys("ret")
        #expect(driver.state.duplicatesDialog?.reasonError?.hasPrefix("Say why this is a different person") == true)
        #expect(try fixture.store.searchPatients(text: "smyth").isEmpty, "no reason, nothing saved")
        await driver.type("Different person: Jon is John's cousin")
        try await driver.keys("ret")
        #expect(driver.state.patients.form == nil)
        let saved = try #require(try fixture.store.searchPatients(text: "smyth jon").first)
        let audit = try #require(try fixture.store.auditEvents(limit: 5).first { $0.action != "patient.read" })
        #expect(audit.action == "patient.register-despite-duplicates")
        #expect(audit.entityID == saved.id.description)
        #expect(audit.summary == "Registered Smyth, Jon (\(saved.mrn)) despite possible duplicate RVC-000001: Different person: Jon is John's cousin")
    }

    @Test func aNewPersonWithoutLookAlikesIsRegisteredAtOnce() async throws {
        let (fixture, driver) = try await register(family: "Lindqvist", given: "Maja", birth: "1999-09-09")
        #expect(driver.state.patients.form == nil)
        #expect(try fixture.store.searchPatients(text: "lindqvist").count == 1)
    }

    @Test func fieldErrorsAreShownByTheirFieldsAndNothingIsSaved() async throws {
        let (fixture, driver) = try await register(family: "", given: "Maja", birth: "31/02/1999", phone: "12ab")
        let form = try #require(driver.state.patients.form)
        #expect(form.errors[0] == "Family name is required.")
        #expect(form.errors[3] == "Date of birth “31/02/1999” is not a date; type e.g. 1984-03-07 or 7/3/1984.")
        #expect(form.errors[5] == "Phone number “12ab” contains “a”; use digits, spaces, dashes and a leading +.")
        #expect(driver.state.message?.text == "Not saved: 3 fields need attention.")
        #expect(try fixture.store.searchPatients(text: "maja").isEmpty)
    }
}
