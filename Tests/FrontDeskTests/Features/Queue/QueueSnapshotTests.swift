import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// The queue as reception and as the doctor see it, the triage form and a visit's record.
@Suite("Queue screens", .serialized)
struct QueueSnapshotTests {
    func driver(_ username: String, _ width: Int, _ height: Int) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: Size(width: width, height: height))
        try await driver.signIn(username)
        try await driver.keys("F2 home")
        return (fixture, driver)
    }

    @Test(arguments: [(120, 32), (80, 24)])
    func receptionSeesEveryonesQueue(width: Int, height: Int) async throws {
        let (fixture, _) = try await driver("rosa", width, height)
        let smith = try #require(try fixture.store.queue(on: fixture.store.today()).first { $0.patientName == "Smith, John" })
        try fixture.store.callPatient(smith.visit.id, room: "Room 3", by: fixture.doctor)
        var (_, reception) = (fixture, FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: Size(width: width, height: height)))
        try await reception.signIn("rosa")
        try await reception.keys("F2 home")
        #expect(reception.text.contains("→ Room 3") || reception.text.contains("Room 3"))
        assertSnapshot(reception.screen, named: "queue-reception-\(width)x\(height)")
    }

    @Test(arguments: [(120, 32), (80, 24)])
    func theDoctorSeesTheirOwnQueue(width: Int, height: Int) async throws {
        let (_, driver) = try await driver("amina", width, height)
        #expect(driver.text.contains("My queue"))
        assertSnapshot(driver.screen, named: "queue-doctor-\(width)x\(height)")
    }

    @Test func triageForm() async throws {
        var (_, driver) = try await driver("nia", 120, 32)
        try await driver.keys("t")
        await driver.type("182/110")
        try await driver.keys("tab")
        await driver.type("fast")
        try await driver.keys("C-s")
        assertSnapshot(driver.screen, named: "triage-form-120x32")
    }

    @Test func aVisitsRecordWithTriageAndAnAmendedNote() async throws {
        let (fixture, _) = try await driver("amina", 120, 32)
        let smith = try #require(try fixture.store.queue(on: fixture.store.today()).first { $0.patientName == "Smith, John" })
        try fixture.store.recordTriage(visit: smith.visit.id, vitals: VitalSigns(systolic: 182, diastolic: 110, pulse: 96, oxygenSaturation: 88),
                                       note: "Headache since morning", priority: .urgent, by: fixture.nurse)
        let note = try fixture.store.writeNote(visit: smith.visit.id, NoteContent(complaint: "Headache", assessment: "Hypertensive urgency?",
                                                                                  plan: "Repeat BP in 15 min"), by: fixture.doctor)
        fixture.clock.advance(by: 900)
        try fixture.store.writeNote(visit: smith.visit.id, NoteContent(complaint: "Headache", assessment: "Hypertensive urgency",
                                                                       plan: "Amlodipine, review tomorrow"), amending: note.id, by: fixture.doctor)
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn("amina")
        try await driver.keys("F2 home v")
        #expect(driver.text.contains("BP 182/110 mmHg (high)") && driver.text.contains("SpO₂ 88 % (low)"))
        assertSnapshot(driver.screen, named: "visit-record-120x32")
    }
}
