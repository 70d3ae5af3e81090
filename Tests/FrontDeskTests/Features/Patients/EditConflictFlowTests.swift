import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import Testing

/// Defect: the receptionist saved a phone number, the doctor's form opened earlier saved
/// another, and the first was silently overwritten.
@Suite("Two terminals editing one patient", .serialized)
struct EditConflictFlowTests {
    /// The doctor opens Smith's edit form; then the receptionist, on another terminal, changes his phone.
    func doctorEditingWhileReceptionChangesThePhone() async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn("amina")
        try await driver.keys("F3")
        await driver.type("smith")
        try await driver.keys("ret e")
        #expect(driver.state.patients.form?.isEditing == true)
        let reception = try ClinicStore.open(at: fixture.store.path, environment: fixture.store.environment)
        let smith = fixture.patients["Smith"]!
        var changed = smith.details
        changed.phone = try PhoneNumber(parsing: "07700 900111")
        try reception.editPatient(smith.id, from: smith.details, to: changed, by: fixture.receptionist)
        return (fixture, driver)
    }

    /// Types into the form's phone field (its sixth), replacing what is there.
    func typePhone(_ phone: String, _ driver: inout FlowDriver) async throws {
        try await driver.keys("tab tab tab tab tab C-u")
        await driver.type(phone)
    }

    @Test func theSaveStopsAndShowsBothValuesAndWhoChangedIt() async throws {
        var (fixture, driver) = try await doctorEditingWhileReceptionChangesThePhone()
        try await typePhone("07911 000222", &driver)
        try await driver.keys("C-s")
        let dialog = try #require(driver.state.conflictDialog, "\(driver.state.message?.text ?? "")")
        #expect(dialog.conflict.fields.map(\.field) == [.phone])
        #expect(dialog.conflict.fields[0].yours == "07911000222" && dialog.conflict.fields[0].theirs == "07700900111")
        #expect(driver.text.contains("Changed by someone else — Smith, John"))
        #expect(driver.text.contains("Rosa Díaz (rosa) at 10:00"))
        #expect(driver.state.message?.text == "Not saved: someone else changed the phone of Smith, John since you opened the form.")
        let stored = try #require(try fixture.store.patientCard(fixture.patients["Smith"]!.id))
        #expect(stored.patient.details.phone?.normalized == "07700900111", "nothing overwritten unseen")
    }

    @Test func takingTheirsKeepsTheOtherPhoneAndSavesTheRest() async throws {
        var (fixture, driver) = try await doctorEditingWhileReceptionChangesThePhone()
        try await typePhone("07911 000222", &driver)
        try await driver.keys("tab tab tab")
        await driver.type("Leeds")  // city: nobody else touched it
        try await driver.keys("C-s")
        #expect(driver.state.conflictDialog != nil)
        try await driver.keys("ret")
        #expect(driver.state.conflictDialog?.problem == "Choose yours or theirs for: phone.")
        try await driver.keys("t ret")
        #expect(driver.state.conflictDialog == nil && driver.state.patients.form == nil, "\(driver.state.message?.text ?? "")")
        let stored = try #require(try fixture.store.patientCard(fixture.patients["Smith"]!.id)).patient.details
        #expect(stored.phone?.normalized == "07700900111")
        #expect(stored.address.city == "Leeds")
    }

    @Test func keepingMineSavesMineKnowingly() async throws {
        var (fixture, driver) = try await doctorEditingWhileReceptionChangesThePhone()
        try await typePhone("07911 000222", &driver)
        try await driver.keys("C-s m ret")
        #expect(driver.state.message?.text == "Saved Smith, John (RVC-000001).")
        let stored = try #require(try fixture.store.patientCard(fixture.patients["Smith"]!.id)).patient.details
        #expect(stored.phone?.normalized == "07911000222")
        let audit = try #require(try fixture.store.auditEvents(limit: 1).first)
        #expect(audit.actor == "amina" && audit.summary.hasPrefix("Edited Smith, John (RVC-000001): phone"))
    }

    @Test func backReturnsToTheFormWithWhatWasTyped() async throws {
        var (_, driver) = try await doctorEditingWhileReceptionChangesThePhone()
        try await typePhone("07911 000222", &driver)
        try await driver.keys("C-s esc")
        #expect(driver.state.conflictDialog == nil)
        #expect(driver.state.patients.form?.form.text(at: 5) == "07911 000222")
        #expect(driver.state.patients.form?.isSaving == false)
    }

    @Test func aFieldTheOtherPersonDidNotTouchIsNoConflict() async throws {
        var (fixture, driver) = try await doctorEditingWhileReceptionChangesThePhone()
        try await driver.keys("tab tab tab tab tab tab tab tab")
        await driver.type("Leeds")
        try await driver.keys("C-s")
        #expect(driver.state.conflictDialog == nil)
        let stored = try #require(try fixture.store.patientCard(fixture.patients["Smith"]!.id)).patient.details
        #expect(stored.phone?.normalized == "07700900111", "their phone stays")
        #expect(stored.address.city == "Leeds", "my city is saved")
    }
}
