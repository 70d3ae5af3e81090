import ClinicCore
import ClinicStore
import Foundation
@testable import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// The visit from arrival to done, driven by keys against a real store: the doctor's own
/// queue, call next, un-call, consult, finish, send on, priority, one visit a day.
@Suite("Visit flow", .serialized)
struct VisitFlowTests {
    func start(_ username: String, size: Size = Size(width: 120, height: 32)) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: size)
        try await driver.signIn(username)
        try await driver.keys("F2")
        return (fixture, driver)
    }

    func visit(_ family: String, _ fixture: DeskFixture) throws -> Visit {
        try #require(try fixture.store.queue(on: fixture.store.today()).first { $0.visit.patientID == fixture.patients[family]!.id }).visit
    }

    func select(_ name: String, _ driver: inout FlowDriver) async throws {
        try await driver.keys("home")
        for _ in driver.state.queue.rows.indices where QueueFeature.selected(driver.state.queue, driver.state.session)?.patientName != name {
            try await driver.keys("down")
        }
        #expect(QueueFeature.selected(driver.state.queue, driver.state.session)?.patientName == name)
    }

    @Test func theDoctorSeesTheirOwnQueueAndCallsTheNextPatientToTheirRoom() async throws {
        var (fixture, driver) = try await start("amina")
        #expect(driver.state.queue.scope == .mine)
        #expect(driver.state.queue.rows.map(\.patientName) == ["Smith, John", "García, José"], "Dr Wang's patient is not listed")
        #expect(driver.text.contains("My queue — 1 waiting"))
        try await driver.keys("n")
        #expect(driver.text.contains("Call the next patient"), "no default room yet: asked")
        await driver.type("Room 3")
        try await driver.keys("ret")
        #expect(driver.state.message?.text == "Called Smith, John (ticket 1) to Room 3.")
        #expect(try visit("Smith", fixture).status == .called && (try visit("Smith", fixture)).room == "Room 3")
        try await driver.keys("m")
        #expect(driver.state.queue.rows.count == 3, "everyone's queue: Dr Wang's patient too")
    }

    @Test func aDefaultRoomIsUsedWithoutAsking() async throws {
        var (fixture, driver) = try await start("amina")
        try await driver.keys("r")
        await driver.type("Room 7")
        try await driver.keys("ret n")
        #expect(driver.state.modals.isEmpty)
        #expect(try visit("Smith", fixture).room == "Room 7")
    }

    @Test func unCallConsultAndFinish() async throws {
        var (fixture, driver) = try await start("amina")
        try await driver.keys("n")
        await driver.type("Room 3")
        try await driver.keys("ret")
        try await select("Smith, John", &driver)
        try await driver.keys("u")
        #expect(try visit("Smith", fixture).status == .waiting)
        try await driver.keys("s")
        #expect(try visit("Smith", fixture).status == .inConsultation)
        try await driver.keys("f")
        #expect(driver.text.contains("How did the visit of Smith, John end?"))
        try await driver.keys("down ret")
        #expect(try visit("Smith", fixture).status == .done && (try visit("Smith", fixture)).outcome == .referred)
        #expect(!driver.state.queue.rows.contains { $0.patientName == "Smith, John" }, "a finished visit leaves the active queue")
        let appointment = try #require(try fixture.store.schedule(on: fixture.store.today()).first { $0.patientName == "Smith, John" })
        #expect(appointment.appointment.status == .completed, "the appointment is completed with it")
    }

    @Test func whyACommandCannotRunIsSaid() async throws {
        var (_, driver) = try await start("amina")
        try await select("Smith, John", &driver)
        try await driver.keys("u")
        #expect(driver.state.message == .error("Smith, John is waiting; this needs a patient who is called."))
        var (_, reception) = try await start("rosa")
        try await reception.keys("n")
        #expect(reception.state.message == .error("A receptionist may not call patients in."))
    }

    @Test func sendingOnToTheLabKeepsTheVisit() async throws {
        var (fixture, driver) = try await start("amina")
        try await select("García, José", &driver)
        try await driver.keys("o")
        #expect(driver.text.contains("Where does García, José wait next?"))
        try await driver.keys("down ret")  // Dr Wang Li, then Lab
        let sent = try visit("García", fixture)
        #expect(sent.station == "Lab" && sent.status == .waiting)
        #expect(driver.state.message?.text == "Sent García, José on to Lab.")
    }

    @Test func anEmergencyGoesFirst() async throws {
        var (_, driver) = try await start("rosa")
        try await select("Nguyễn, Thị Hương", &driver)
        try await driver.keys("p down down ret")
        #expect(driver.state.queue.rows.first?.patientName == "Nguyễn, Thị Hương")
        #expect(driver.text.contains("!! Nguyễn"), "a mark and a word, not colour alone")
    }

    @Test func aWalkInThenTheAppointmentIsOneVisitAndTheReverseIsRefused() async throws {
        var (fixture, driver) = try await start("rosa")
        try await driver.keys("F3")
        await driver.type("#RVC-000004")
        try await driver.keys("C-k")
        #expect(driver.state.message?.text == "Checked in शर्मा, अनिता as a walk-in.")
        try await driver.keys("F1 right down down down down c")  // her 11:00 appointment with Dr Wang Li
        #expect(driver.state.message?.text == "Checked in शर्मा, अनिता.")
        let visits = try fixture.store.queue(on: fixture.store.today()).filter { $0.patientName == "शर्मा, अनिता" }
        #expect(visits.count == 1 && visits[0].visit.appointmentID != nil, "one visit, with the appointment")
        try await driver.keys("up up c")  // محمد's appointment at 10:30
        try await driver.keys("F3 esc")
        await driver.type("محمد")
        try await driver.keys("C-k")
        #expect(driver.state.message?.text.hasPrefix("محمد, عبد الله is already in today's queue: ticket") == true)
    }
}

@Suite("Triage, notes and allergies", .serialized)
struct ConsultationFlowTests {
    func start(_ username: String) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default)
        try await driver.signIn(username)
        try await driver.keys("F2 home")
        return (fixture, driver)
    }

    func smithsVisit(_ fixture: DeskFixture) throws -> Visit {
        try #require(try fixture.store.queue(on: fixture.store.today()).first { $0.patientName == "Smith, John" }).visit
    }

    @Test func aNurseTriagesWithValuesFlaggedNotRefused() async throws {
        var (fixture, driver) = try await start("nia")
        try await driver.keys("t")
        #expect(driver.text.contains("Triage — ticket 1 · Smith, John · RVC-000001"))
        await driver.type("182/110")
        try await driver.keys("tab")
        await driver.type("fast")
        try await driver.keys("C-s")
        #expect(driver.text.contains("Pulse “fast” is not a number of /min."))
        #expect(try fixture.store.triages(of: try smithsVisit(fixture).id).isEmpty, "nothing saved")
        try await driver.keys("C-u")
        await driver.type("96")
        try await driver.keys("tab tab tab")
        await driver.type("88")
        try await driver.keys("tab tab tab")
        await driver.type("Headache since morning")
        try await driver.keys("tab C-u")
        await driver.type("u")
        try await driver.keys("C-s")
        #expect(driver.state.message?.text == "Triage saved for Smith, John: urgent; blood pressure high, SpO₂ low.")
        let triage = try #require(try fixture.store.triages(of: try smithsVisit(fixture).id).first)
        #expect(triage.vitals.systolic == 182 && triage.vitals.oxygenSaturation == 88 && triage.priority == .urgent)
        #expect(try smithsVisit(fixture).priority == .urgent)
    }

    @Test func theDoctorWritesANoteAndAmendsItKeepingBoth() async throws {
        var (fixture, driver) = try await start("amina")
        try await driver.keys("w")
        await driver.type("Cough for 3 weeks")
        try await driver.keys("tab tab tab")
        await driver.type("Review in a week")
        try await driver.keys("C-s")
        #expect(driver.state.message?.text == "Note saved for Smith, John.")
        try await driver.keys("v")
        #expect(driver.text.contains("Complaint: Cough for 3 weeks"))
        try await driver.keys("a")
        #expect(driver.text.contains("Amend the note"))
        try await driver.keys("tab tab tab C-u")
        await driver.type("Chest X-ray, review in a week")
        try await driver.keys("C-s")
        #expect(driver.state.message?.text == "Note amended for Smith, John; the earlier one is kept.")
        #expect(driver.text.contains("amended later") && driver.text.contains("Plan: Chest X-ray, review in a week"))
        let notes = try fixture.store.notes(of: try smithsVisit(fixture).id, for: .doctor)
        #expect(notes.count == 2 && notes[1].supersedes == notes[0].id)
        try await driver.keys("esc")
        #expect(driver.state.modals.isEmpty)
    }

    @Test func receptionCannotReadNotes() async throws {
        var (_, driver) = try await start("rosa")
        try await driver.keys("v")
        #expect(driver.state.message == .error("A receptionist may not see clinical notes."))
    }

    /// Dr Haddad signed in, with Nguyễn's card opened from everyone's queue.
    func nguyensCard() async throws -> (DeskFixture, FlowDriver) {
        var (fixture, driver) = try await start("amina")
        try await driver.keys("m")
        for _ in 0..<5 where QueueFeature.selected(driver.state.queue, driver.state.session)?.patientName != "Nguyễn, Thị Hương" {
            try await driver.keys("down")
        }
        try await driver.keys("ret")
        return (fixture, driver)
    }

    @Test func theThreeAllergyStatesStayDistinctOnTheCard() async throws {
        var (fixture, driver) = try await nguyensCard()
        #expect(driver.text.contains("? Allergies not yet asked"))
        try await driver.keys("a")
        await driver.type("Penicillins")
        try await driver.keys("tab C-u")
        await driver.type("class")
        try await driver.keys("tab")
        await driver.type("Rash")
        try await driver.keys("tab C-u")
        await driver.type("severe")
        try await driver.keys("C-s")
        #expect(driver.text.contains("⚠ ALLERGIES: Penicillins (severe: Rash)"))
        try await driver.keys("n")
        #expect(driver.state.message?.isError == true && driver.state.message?.text.contains("withdraw it first") == true)
        try await driver.keys("x ret")
        await driver.type("Entered for the wrong patient")
        try await driver.keys("ret")
        #expect(driver.text.contains("? Allergies not yet asked"), "withdrawn: back to not asked")
        try await driver.keys("n y")
        #expect(driver.text.contains("✓ No known allergies"))
        let card = try #require(try fixture.store.patientCard(fixture.patients["Nguyễn"]!.id))
        #expect(card.patient.allergyStatus == .noKnownAllergies && card.allergies.isEmpty)
    }

    @Test func allergiesThatCouldNotBeAskedAreShownWithTheReason() async throws {
        var (fixture, driver) = try await nguyensCard()
        #expect(driver.text.contains("? Allergies not yet asked"))
        try await driver.keys("u")
        #expect(driver.text.contains("Allergies could not be asked — Nguyễn, Thị Hương"))
        try await driver.keys("ret")
        #expect(driver.text.contains("Say why the allergies could not be asked."), "no reason, nothing saved")
        await driver.type("Unconscious on arrival")
        try await driver.keys("ret")
        #expect(driver.text.contains("? Allergies unknown — unable to ask: Unconscious on arrival"), "\(driver.text)")
        let patient = try #require(try fixture.store.patient(fixture.patients["Nguyễn"]!.id))
        #expect(patient.allergyStatus == .unableToAsk && patient.allergyNote == "Unconscious on arrival")
    }

    @Test func medicinesFromElsewhereAreRecordedAndStoppedOnTheCard() async throws {
        var (fixture, driver) = try await nguyensCard()
        #expect(driver.text.contains("Also takes (not prescribed here)") && driver.text.contains("none recorded"))
        try await driver.keys("O")
        #expect(driver.state.message == .error("No medicine from elsewhere is recorded for this patient."))
        try await driver.keys("o C-s")
        #expect(driver.text.contains("Name the medicine."), "nothing saved without a name")
        await driver.type("warfarin")
        try await driver.keys("tab")
        await driver.type("5 mg")
        try await driver.keys("tab")
        await driver.type("tablet")
        try await driver.keys("tab")
        await driver.type("1 daily")
        try await driver.keys("tab")
        await driver.type("anticoagulation clinic")
        try await driver.keys("C-s")
        #expect(driver.text.contains("warfarin 5 mg tablet — 1 daily (anticoagulation clinic)"), "\(driver.text)")
        let id = fixture.patients["Nguyễn"]!.id
        #expect(try fixture.store.patientCard(id)?.otherMedicines.map(\.drug) == ["warfarin"])
        try await driver.keys("O ret")
        await driver.type("Stopped by the haematologist")
        try await driver.keys("ret")
        #expect(driver.text.contains("none recorded"), "\(driver.text)")
        let entries = try fixture.store.otherMedicines(of: id)
        #expect(entries.count == 2 && entries.filter(\.isStop).map(\.note) == ["Stopped by the haematologist"])
    }
}
