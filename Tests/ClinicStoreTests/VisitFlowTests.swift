import ClinicCore
@testable import ClinicStore
import Foundation
import Testing

/// The visit from arrival to done, in the store: one open visit a day, call next, un-call,
/// consult, send on, finish, triage and notes — each one write with its audit event.
@Suite("Visit flow")
struct VisitFlowTests {
    /// A clinic with Dr Haddad (linked to the doctor user), Dr Wang, and three patients.
    struct Clinic {
        let fixture: StoreFixture
        let haddad: Provider
        let wang: Provider
        let smith: Patient
        let ada: Patient
        let omar: Patient

        init() throws {
            fixture = try StoreFixture()
            let store = fixture.store
            haddad = try store.createProvider(displayName: "Dr Haddad", specialty: .generalPractice, defaultSlotMinutes: 15,
                                              userID: fixture.doctor.userID, by: fixture.admin)
            wang = try store.createProvider(displayName: "Dr Wang", specialty: .paediatrics, defaultSlotMinutes: 15, by: fixture.admin)
            for provider in [haddad, wang] {
                try store.setWeeklySchedule(provider: provider.id, days: (1...6).map {
                    WorkingDay(weekday: $0, hours: TimeRange(start: ClockTime("08:00")!, end: ClockTime("18:00")!)!)
                }, by: fixture.admin)
            }
            smith = try store.registerPatient(try fixture.john(), by: fixture.receptionist)
            ada = try store.registerPatient(PatientDetails(familyName: "Okonkwo", givenName: "Ada"), by: fixture.receptionist)
            omar = try store.registerPatient(PatientDetails(familyName: "Haddad", givenName: "Omar"), by: fixture.receptionist)
        }

        var store: ClinicStore { fixture.store }
        var today: CalendarDate { store.today() }

        func book(_ patient: Patient, with provider: Provider, at time: String) throws -> Appointment {
            try store.bookAppointment(BookingRequest(patientID: patient.id, providerID: provider.id,
                                                     start: StoreFixture.at("2026-11-20", time), acceptingProblems: true),
                                      by: fixture.receptionist)
        }

        func visit(_ patient: Patient) throws -> Visit {
            try #require(try store.queue(on: today).first { $0.visit.patientID == patient.id }).visit
        }
    }

    @Test func aWalkInThenTheirAppointmentIsOneVisit() throws {
        let clinic = try Clinic()
        let walkIn = try clinic.store.checkInWalkIn(patient: clinic.smith.id, by: clinic.fixture.receptionist)
        let appointment = try clinic.book(clinic.smith, with: clinic.haddad, at: "10:30")
        try clinic.store.changeAppointmentStatus(appointment.id, .checkIn, by: clinic.fixture.receptionist)
        let queue = try clinic.store.queue(on: clinic.today)
        #expect(queue.count == 1, "in the queue once")
        #expect(queue[0].visit.id == walkIn.id && queue[0].visit.appointmentID == appointment.id)
        #expect(queue[0].visit.providerID == clinic.haddad.id, "now waiting for the appointment's provider")
    }

    @Test func anAppointmentThenAWalkInIsRefusedNamingTheVisit() throws {
        let clinic = try Clinic()
        let appointment = try clinic.book(clinic.smith, with: clinic.haddad, at: "10:30")
        try clinic.store.changeAppointmentStatus(appointment.id, .checkIn, by: clinic.fixture.receptionist)
        #expect(throws: StoreError.alreadyExists("Smith, John is already in today's queue: ticket 1, waiting for Dr Haddad.")) {
            try clinic.store.checkInWalkIn(patient: clinic.smith.id, by: clinic.fixture.receptionist)
        }
        #expect(try clinic.store.queue(on: clinic.today).count == 1)
    }

    @Test func ticketsCountUpThroughTheDay() throws {
        let clinic = try Clinic()
        for patient in [clinic.smith, clinic.ada, clinic.omar] {
            try clinic.store.checkInWalkIn(patient: patient.id, by: clinic.fixture.receptionist)
            clinic.fixture.clock.advance(by: 30)
        }
        #expect(try clinic.store.queue(on: clinic.today).map(\.visit.ticket) == [1, 2, 3])
    }

    @Test func callNextTakesTheMostUrgentThenTheLongestWaitAmongTheDoctorsOwnAndUnassigned() throws {
        let clinic = try Clinic()
        let store = clinic.store
        let reception = clinic.fixture.receptionist
        try store.checkInWalkIn(patient: clinic.smith.id, provider: clinic.wang.id, by: reception)  // someone else's
        clinic.fixture.clock.advance(by: 60)
        try store.checkInWalkIn(patient: clinic.ada.id, by: reception)  // unassigned, waited longest of the rest
        clinic.fixture.clock.advance(by: 60)
        try store.checkInWalkIn(patient: clinic.omar.id, provider: clinic.haddad.id, priority: .urgent, by: reception)
        let first = try store.callNext(room: "Room 3", by: clinic.fixture.doctor)
        #expect(first.patientID == clinic.omar.id, "urgent first")
        #expect(first.room == "Room 3" && first.status == .called)
        let second = try store.callNext(room: "Room 3", by: clinic.fixture.doctor)
        #expect(second.patientID == clinic.ada.id, "then the longest wait, unassigned")
        #expect(throws: StoreError.notFound(what: "patient waiting for Dr Haddad", id: "")) {
            try store.callNext(room: "Room 3", by: clinic.fixture.doctor)
        }
        #expect(try clinic.visit(clinic.smith).status == .waiting, "Dr Wang's patient was never called by Dr Haddad")
    }

    @Test func unCallingPutsThePatientBackInTheirPlace() throws {
        let clinic = try Clinic()
        let visit = try clinic.store.checkInWalkIn(patient: clinic.smith.id, by: clinic.fixture.receptionist)
        try clinic.store.callPatient(visit.id, room: "Room 1", by: clinic.fixture.nurse)
        let back = try clinic.store.uncall(visit.id, by: clinic.fixture.nurse)
        #expect(back.status == .waiting && back.room == nil && back.calledAt == nil && back.arrivedAt == visit.arrivedAt)
        let audit = try #require(try clinic.store.auditEvents(limit: 1).first)
        #expect(audit.summary == "Call to Room 1 taken back; waiting again")
    }

    @Test func aConsultationMovesTheAppointmentAlongAndFinishingCompletesIt() throws {
        let clinic = try Clinic()
        let appointment = try clinic.book(clinic.smith, with: clinic.haddad, at: "10:30")
        try clinic.store.changeAppointmentStatus(appointment.id, .checkIn, by: clinic.fixture.receptionist)
        let visit = try clinic.visit(clinic.smith)
        try clinic.store.callPatient(visit.id, room: "Room 3", by: clinic.fixture.doctor)
        try clinic.store.startConsultation(visit.id, by: clinic.fixture.doctor)
        #expect(try clinic.store.schedule(on: clinic.today).first?.appointment.status == .inConsultation)
        clinic.fixture.clock.advance(by: 600)
        let done = try clinic.store.finishVisit(visit.id, outcome: .referred, by: clinic.fixture.doctor)
        #expect(done.status == .done && done.outcome == .referred && done.finishedAt != nil)
        #expect(try clinic.store.schedule(on: clinic.today).first?.appointment.status == .completed)
        #expect(throws: StoreError.self) { try clinic.store.finishVisit(visit.id, outcome: .done, by: clinic.fixture.doctor) }
    }

    @Test func sendingOnKeepsTheVisitRecordsTheHopAndWaitsAgain() throws {
        let clinic = try Clinic()
        let visit = try clinic.store.checkInWalkIn(patient: clinic.smith.id, provider: clinic.haddad.id, by: clinic.fixture.receptionist)
        try clinic.store.callPatient(visit.id, room: "Room 3", by: clinic.fixture.doctor)
        try clinic.store.startConsultation(visit.id, by: clinic.fixture.doctor)
        let atLab = try clinic.store.sendOn(visit.id, to: .station("Lab"), note: "Full blood count", by: clinic.fixture.doctor)
        #expect(atLab.id == visit.id && atLab.status == .waiting && atLab.station == "Lab" && atLab.room == nil)
        #expect(try clinic.fixture.count("visit_hop", where: "from_place = 'Dr Haddad' AND to_place = 'Lab'") == 1)
        let toWang = try clinic.store.sendOn(visit.id, to: .provider(clinic.wang.id, name: "Dr Wang"), by: clinic.fixture.nurse)
        #expect(toWang.providerID == clinic.wang.id && toWang.station == nil)
        #expect(try clinic.store.queue(on: clinic.today).count == 1, "still one visit")
        let audit = try #require(try clinic.store.auditEvents(limit: 1).first)
        #expect(audit.summary == "Sent on from Lab to Dr Wang")
    }

    @Test func triageRecordsVitalsSetsThePriorityAndACorrectionSupersedes() throws {
        let clinic = try Clinic()
        let visit = try clinic.store.checkInWalkIn(patient: clinic.smith.id, by: clinic.fixture.receptionist)
        let vitals = VitalSigns(systolic: 182, diastolic: 110, pulse: 96, temperatureTenths: 372)
        #expect(throws: StoreError.notPermitted(role: .receptionist, permission: .triage)) {
            try clinic.store.recordTriage(visit: visit.id, vitals: vitals, note: "Headache", priority: .urgent,
                                          by: clinic.fixture.receptionist)
        }
        let first = try clinic.store.recordTriage(visit: visit.id, vitals: vitals, note: "Headache", priority: .urgent,
                                                  by: clinic.fixture.nurse)
        #expect(try clinic.visit(clinic.smith).priority == .urgent)
        let audit = try #require(try clinic.store.auditEvents(limit: 1).first)
        #expect(audit.summary == "Triage of ticket 1: priority urgent; blood pressure high")
        var corrected = vitals
        corrected.systolic = 162
        try clinic.store.recordTriage(visit: visit.id, vitals: corrected, note: "Headache", priority: .urgent, correcting: first.id,
                                      by: clinic.fixture.nurse)
        let triages = try clinic.store.triages(of: visit.id)
        #expect(triages.map(\.vitals.systolic) == [182, 162] && triages[1].supersedes == first.id, "both kept")
    }

    @Test func notesAreTheDoctorsToWriteReadOnlyByClinicalRolesAndAmendedNeverEdited() throws {
        let clinic = try Clinic()
        let visit = try clinic.store.checkInWalkIn(patient: clinic.smith.id, by: clinic.fixture.receptionist)
        let content = NoteContent(complaint: "Cough for 3 weeks", assessment: "Likely viral", plan: "Review in 1 week")
        #expect(throws: StoreError.notPermitted(role: .nurse, permission: .writeClinicalNotes)) {
            try clinic.store.writeNote(visit: visit.id, content, by: clinic.fixture.nurse)
        }
        let note = try clinic.store.writeNote(visit: visit.id, content, by: clinic.fixture.doctor)
        var amended = content
        amended.plan = "Chest X-ray, review in 1 week"
        try clinic.store.writeNote(visit: visit.id, amended, amending: note.id, by: clinic.fixture.doctor)
        #expect(throws: StoreError.invalid(ValidationFailure([FieldProblem(field: "note", message: "That note was already amended; amend the latest one.")]))) {
            try clinic.store.writeNote(visit: visit.id, amended, amending: note.id, by: clinic.fixture.doctor)
        }
        #expect(try clinic.store.notes(of: visit.id, for: .nurse).map(\.content.plan) == ["Review in 1 week", "Chest X-ray, review in 1 week"])
        #expect(throws: StoreError.notPermitted(role: .receptionist, permission: .viewClinicalNotes)) {
            try clinic.store.notes(of: visit.id, for: .receptionist)
        }
        #expect(throws: StoreError.self) { try clinic.store.writeNote(visit: visit.id, NoteContent(), by: clinic.fixture.doctor) }
    }

    @Test func theCardListsVisitsWithProviderReasonOutcomeAndNotes() throws {
        let clinic = try Clinic()
        var appointment = try clinic.book(clinic.smith, with: clinic.haddad, at: "10:30")
        appointment = try clinic.store.changeAppointmentStatus(appointment.id, .checkIn, by: clinic.fixture.receptionist)
        let visit = try clinic.visit(clinic.smith)
        try clinic.store.startConsultation(visit.id, by: clinic.fixture.doctor)
        try clinic.store.writeNote(visit: visit.id, NoteContent(complaint: "Cough"), by: clinic.fixture.doctor)
        try clinic.store.finishVisit(visit.id, outcome: .done, by: clinic.fixture.doctor)
        let card = try #require(try clinic.store.patientCard(clinic.smith.id))
        let entry = try #require(card.recentVisits.first)
        #expect(entry.providerName == "Dr Haddad" && entry.visit.outcome == .done && entry.noteCount == 1)
    }

    @Test func theDefaultRoomIsEachUsersOwn() throws {
        let clinic = try Clinic()
        let doctor = try #require(clinic.fixture.doctor.userID)
        try clinic.store.setDefaultRoom("Room 3", of: doctor, by: clinic.fixture.doctor)
        #expect(try clinic.store.users().first { $0.id == doctor }?.defaultRoom == "Room 3")
        #expect(throws: StoreError.notPermitted(role: .nurse, permission: .manageUsers)) {
            try clinic.store.setDefaultRoom("Room 9", of: doctor, by: clinic.fixture.nurse)
        }
    }
}
