import ClinicCore
@testable import ClinicStore
import Foundation
import Testing

@Suite("Allergies")
struct AllergyWriteTests {
    @Test func recordingAnAllergySetsTheStatusInTheSameWrite() throws {
        let fixture = try StoreFixture()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let allergy = try fixture.store.recordAllergy(patient: patient.id, substance: " Penicillins ", kind: .drugClass,
                                                      reaction: "Anaphylaxis", severity: .severe, by: fixture.doctor)
        #expect(allergy.substance == "Penicillins")
        #expect(try fixture.store.patient(patient.id)?.allergyStatus == .recorded)
        let changes = try fixture.lastChanges()
        #expect(changes.filter { $0.table == "patient" }.map { "\($0.field!) \($0.baseValue!) → \($0.newValue!)" }
            == ["allergy_status not-asked → recorded"])
        #expect(changes.filter { $0.table == "allergy" }.map { $0.field ?? "" } == [
            "created_at", "is_retraction", "patient_id", "reaction", "recorded_at", "recorded_by", "severity", "substance", "substance_kind",
        ])
        #expect(try fixture.store.auditEvents(limit: 1).first?.summary == "Recorded severe allergy to Penicillins for Smith, John (TST-000001)")
        #expect(try fixture.store.allergies(of: patient.id).current.map(\.substance) == ["Penicillins"])
    }

    @Test func noKnownAllergiesIsRefusedWhileAllergiesAreOnRecord() throws {
        let fixture = try StoreFixture()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        try fixture.store.recordNoKnownAllergies(patient: patient.id, by: fixture.nurse)
        #expect(try fixture.store.patient(patient.id)?.allergyStatus == .noKnownAllergies)
        let allergy = try fixture.store.recordAllergy(patient: patient.id, substance: "Latex", kind: .environmental,
                                                      reaction: "Rash", severity: .mild, by: fixture.nurse)
        let before = try fixture.rowCounts()
        #expect {
            try fixture.store.recordNoKnownAllergies(patient: patient.id, by: fixture.nurse)
        } throws: { error in
            (error as? StoreError)?.description == "1 allergy is on record; retract it before recording “no known allergies”."
        }
        #expect(try fixture.rowCounts() == before)
        try fixture.store.retractAllergy(allergy.id, reason: "Entered for the wrong patient", by: fixture.doctor)
        #expect(try fixture.store.patient(patient.id)?.allergyStatus == .notAsked)
        #expect(try fixture.store.allergies(of: patient.id).count == 2, "append-only: the retraction is a new row")
        #expect(try fixture.store.allergies(of: patient.id).current.isEmpty)
    }

    @Test func allergiesThatCouldNotBeAskedAreRecordedWithTheReasonAndSync() throws {
        let fixture = try StoreFixture()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let before = try fixture.rowCounts()
        #expect {
            try fixture.store.recordAllergiesUnableToAsk(patient: patient.id, reason: "  ", by: fixture.nurse)
        } throws: { error in
            (error as? StoreError)?.description == "A reason is required."
        }
        #expect(try fixture.rowCounts() == before, "nothing saved without a reason")
        try fixture.store.recordAllergiesUnableToAsk(patient: patient.id, reason: " Unconscious on arrival ", by: fixture.nurse)
        let stored = try #require(try fixture.store.patient(patient.id))
        #expect(stored.allergyStatus == .unableToAsk && stored.allergyNote == "Unconscious on arrival")
        #expect(try fixture.lastChanges().filter { $0.table == "patient" }.map { "\($0.field!) → \($0.newValue!)" }.sorted()
            == ["allergy_note → Unconscious on arrival", "allergy_status → unable-to-ask"])
        #expect(try fixture.store.auditEvents(limit: 1).first?.summary
            == "Recorded that allergies could not be asked for Smith, John (TST-000001): Unconscious on arrival")
        // Once asked, the recorded allergy replaces the state and its reason.
        let allergy = try fixture.store.recordAllergy(patient: patient.id, substance: "Latex", kind: .environmental,
                                                      reaction: "Rash", severity: .mild, by: fixture.nurse)
        let asked = try #require(try fixture.store.patient(patient.id))
        #expect(asked.allergyStatus == .recorded && asked.allergyNote == "")
        #expect {
            try fixture.store.recordAllergiesUnableToAsk(patient: patient.id, reason: "Confused", by: fixture.nurse)
        } throws: { error in
            (error as? StoreError)?.description
                == "1 allergy is on record and still applies; withdraw it only if entered in error."
        }
        try fixture.store.retractAllergy(allergy.id, reason: "Entered for the wrong patient", by: fixture.doctor)
        #expect(try fixture.store.patient(patient.id)?.allergyStatus == .notAsked)
    }

    @Test func receptionistsCannotRecordAllergies() throws {
        let fixture = try StoreFixture()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        #expect(throws: StoreError.notPermitted(role: .receptionist, permission: .recordAllergy)) {
            try fixture.store.recordAllergy(patient: patient.id, substance: "Latex", kind: .environmental, reaction: "",
                                            severity: .mild, by: fixture.receptionist)
        }
    }
}

@Suite("Users, providers and schedules")
struct StaffWriteTests {
    @Test func usernamesAreUniqueAndValidated() throws {
        let fixture = try StoreFixture()
        #expect(throws: StoreError.alreadyExists("The username “rita” is already taken.")) {
            try fixture.store.createUser(username: "Rita", displayName: "", role: .nurse, passwordHash: "x", by: fixture.admin)
        }
        #expect(throws: StoreError.self) {
            try fixture.store.createUser(username: "r i", displayName: "", role: .nurse, passwordHash: "x", by: fixture.admin)
        }
        #expect(throws: StoreError.notPermitted(role: .receptionist, permission: .manageUsers)) {
            try fixture.store.createUser(username: "sam", displayName: "", role: .nurse, passwordHash: "x", by: fixture.receptionist)
        }
        #expect(try fixture.store.users().map(\.username) == ["ada", "dan", "nina", "rita"])
        #expect(try fixture.store.credentials(username: "DAN")?.user.role == .doctor)
        #expect(try fixture.store.credentials(username: "nobody") == nil)
    }

    @Test func aWeeklyScheduleReplacesThePreviousOne() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        #expect(try fixture.store.weeklySchedule(of: provider.id).count == 6)
        let lunch = ScheduleBreak(range: TimeRange(start: ClockTime("12:00")!, end: ClockTime("13:00")!)!, label: "Lunch")
        try fixture.store.setWeeklySchedule(provider: provider.id, days: [
            WorkingDay(weekday: 2, hours: TimeRange(start: ClockTime("09:00")!, end: ClockTime("17:00")!)!, breaks: [lunch]),
        ], by: fixture.admin)
        let schedule = try fixture.store.weeklySchedule(of: provider.id)
        #expect(schedule.map(\.weekday) == [2])
        #expect(schedule[0].breaks == [lunch])
        #expect(try fixture.count("schedule_template", where: "deleted_at IS NOT NULL") == 6)
    }

    @Test func aScheduleWithProblemsIsRefusedWhole() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        let before = try fixture.rowCounts()
        let hours = TimeRange(start: ClockTime("09:00")!, end: ClockTime("12:00")!)!
        let late = ScheduleBreak(range: TimeRange(start: ClockTime("12:30")!, end: ClockTime("13:00")!)!, label: "Late lunch")
        #expect {
            try fixture.store.setWeeklySchedule(provider: provider.id, days: [
                WorkingDay(weekday: 1, hours: hours, breaks: [late]), WorkingDay(weekday: 1, hours: hours),
            ], by: fixture.admin)
        } throws: { error in
            (error as? StoreError)?.description == "Break Late lunch 12:30–13:00 is outside the hours 09:00–12:00. Weekday 1 is listed twice."
        }
        #expect(try fixture.rowCounts() == before)
    }
}

@Suite("Appointments and the queue")
struct AppointmentWriteTests {
    @Test func bookingRefusesAProblemSlotUnlessAccepted() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let sunday = BookingRequest(patientID: patient.id, providerID: provider.id, start: StoreFixture.at("2026-11-22", "09:00"))
        let before = try fixture.rowCounts()
        #expect(throws: StoreError.bookingRefused([.notWorking(weekday: 7)])) {
            try fixture.store.bookAppointment(sunday, by: fixture.receptionist)
        }
        #expect(try fixture.rowCounts() == before)
        var accepted = sunday
        accepted.acceptingProblems = true
        accepted.overbookReason = "Urgent, seen on a Sunday"
        let appointment = try fixture.store.bookAppointment(accepted, by: fixture.doctor)
        #expect(appointment.minutes == 15 && appointment.status == .booked)
        let fields = try fixture.lastChanges().map { $0.field ?? "" }
        #expect(fields == ["created_at", "kind", "minutes", "mode", "overbook_reason", "patient_id", "provider_id", "reason", "start_date",
                           "start_minute", "status"])
    }

    @Test func overlappingBookingsAreCaught() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let first = try fixture.store.bookAppointment(
            BookingRequest(patientID: patient.id, providerID: provider.id, start: StoreFixture.at("2026-11-23", "09:00")), by: fixture.receptionist)
        #expect(throws: StoreError.bookingRefused([.overlaps(existing: first)])) {
            try fixture.store.bookAppointment(
                BookingRequest(patientID: patient.id, providerID: provider.id, start: StoreFixture.at("2026-11-23", "09:10")), by: fixture.receptionist)
        }
    }

    @Test func checkInPutsThePatientInTodaysQueueAndTheConsultationMovesThemThrough() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let appointment = try fixture.store.bookAppointment(
            BookingRequest(patientID: patient.id, providerID: provider.id, start: StoreFixture.at("2026-11-20", "10:30")), by: fixture.receptionist)
        let today = fixture.store.today()
        #expect(try fixture.store.queue(on: today).isEmpty)

        fixture.clock.advance(by: 20 * 60)
        try fixture.store.changeAppointmentStatus(appointment.id, .checkIn, by: fixture.receptionist)
        let queue = try fixture.store.queue(on: today)
        #expect(queue.map(\.patientName) == ["Smith, John"])
        #expect(queue[0].visit.status == .waiting && queue[0].appointmentTime == ClockTime("10:30"))
        #expect(try fixture.store.schedule(on: today).map(\.appointment.status) == [.checkedIn])
        #expect(try fixture.store.auditEvents(limit: 1).first?.action == "appointment.checked-in")

        fixture.clock.advance(by: 10 * 60)
        #expect(queue[0].visit.waitingMinutes(at: fixture.clock.wallClock.now()) == 10)
        try fixture.store.changeAppointmentStatus(appointment.id, .startConsultation, by: fixture.doctor)
        try fixture.store.changeAppointmentStatus(appointment.id, .complete, by: fixture.doctor)
        #expect(try fixture.store.queue(on: today).map(\.visit.status) == [.done])
        #expect(try fixture.store.visits(of: patient.id).first?.calledBy == fixture.doctor.userID)
    }

    /// What the queue pane reads: open visits with their names, ended ones as visits alone (for the
    /// average waits), the same visits as the whole day's queue in the same order.
    @Test func theQueuePanesDayIsTheOpenEntriesAndTheEndedVisits() throws {
        let fixture = try StoreFixture()
        let names = [("Ended", "Ann"), ("Waiting", "Bea"), ("Left", "Cy"), ("Called", "Di")]
        var visits: [String: Visit] = [:]
        for (family, given) in names {
            let patient = try fixture.store.registerPatient(PatientDetails(familyName: family, givenName: given), by: fixture.receptionist)
            visits[family] = try fixture.store.checkInWalkIn(patient: patient.id, by: fixture.receptionist)
            fixture.clock.advance(by: 60)
        }
        _ = try fixture.store.callPatient(visits["Ended"]!.id, room: "Room 1", by: fixture.doctor)
        _ = try fixture.store.startConsultation(visits["Ended"]!.id, by: fixture.doctor)
        _ = try fixture.store.finishVisit(visits["Ended"]!.id, outcome: .done, by: fixture.doctor)
        _ = try fixture.store.markLeft(visits["Left"]!.id, by: fixture.receptionist)
        _ = try fixture.store.callPatient(visits["Called"]!.id, room: "Room 2", by: fixture.doctor)

        let day = try fixture.store.queueDay(on: fixture.store.today())
        #expect(day.open.map(\.patientName) == ["Called, Di", "Waiting, Bea"])
        #expect(day.ended.map(\.id) == [visits["Ended"]!.id, visits["Left"]!.id])
        #expect(day.ended.map(\.status) == [.done, .left])
        #expect(day == QueueDay(try fixture.store.queue(on: fixture.store.today())))
    }

    @Test func anIllegalTransitionNamesBothStatesAndChangesNothing() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let appointment = try fixture.store.bookAppointment(
            BookingRequest(patientID: patient.id, providerID: provider.id, start: StoreFixture.at("2026-11-20", "11:00")), by: fixture.receptionist)
        try fixture.store.changeAppointmentStatus(appointment.id, .cancel(reason: "Patient called"), by: fixture.receptionist)
        let before = try fixture.rowCounts()
        #expect {
            try fixture.store.changeAppointmentStatus(appointment.id, .checkIn, by: fixture.receptionist)
        } throws: { error in
            (error as? StoreError)?.description == "An appointment that is cancelled cannot become checked in (waiting)."
        }
        #expect(try fixture.rowCounts() == before)
    }

    @Test func aFollowUpIsBookedAndLinked() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let appointment = try fixture.store.bookAppointment(
            BookingRequest(patientID: patient.id, providerID: provider.id, start: StoreFixture.at("2026-11-20", "11:00")), by: fixture.receptionist)
        for step in [AppointmentTransition.checkIn, .startConsultation, .complete] {
            try fixture.store.changeAppointmentStatus(appointment.id, step, by: fixture.doctor)
        }
        let followUp = try fixture.store.bookFollowUp(from: appointment.id, at: StoreFixture.at("2026-12-04", "11:00"), by: fixture.receptionist)
        #expect(followUp.kind == .followUp)
        let original = try fixture.store.schedule(on: CalendarDate(iso: "2026-11-20")!).first!.appointment
        #expect(original.status == .followUpBooked && original.followUpID == followUp.id)
        #expect(try fixture.store.appointments(of: patient.id, from: CalendarDate(iso: "2026-12-01")!).map(\.id) == [followUp.id])
    }

    @Test func walkInsJoinTheQueueOnceAndUrgentOnesComeFirst() throws {
        let fixture = try StoreFixture()
        let smith = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let other = try fixture.store.registerPatient(PatientDetails(familyName: "Okonkwo", givenName: "Ada"), by: fixture.receptionist)
        try fixture.store.checkInWalkIn(patient: smith.id, by: fixture.receptionist)
        fixture.clock.advance(by: 60)
        let urgent = try fixture.store.checkInWalkIn(patient: other.id, priority: .urgent, by: fixture.receptionist)
        #expect(throws: StoreError.alreadyExists("Smith, John is already in today's queue: ticket 1, waiting for any provider.")) {
            try fixture.store.checkInWalkIn(patient: smith.id, by: fixture.receptionist)
        }
        #expect(try fixture.store.queue(on: fixture.store.today()).map(\.patientName) == ["Okonkwo, Ada", "Smith, John"])
        try fixture.store.callPatient(urgent.id, room: "Room 2", by: fixture.nurse)
        let queue = try fixture.store.queue(on: fixture.store.today())
        #expect(queue[0].visit.status == .called && queue[0].visit.room == "Room 2")
    }
}

@Suite("Prescriptions")
struct PrescriptionWriteTests {
    @Test func aPrescriptionIsSignedWithItsItemsInOrder() throws {
        let fixture = try StoreFixture()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let lines = [
            PrescriptionLine(drug: "Amoxicillin", strength: "500 mg", form: "capsule", sig: "1 capsule three times a day for 7 days"),
            PrescriptionLine(drug: "Paracetamol", strength: "500 mg", form: "tablet", sig: "2 tablets every 6 hours when needed"),
        ]
        let prescription = try fixture.store.issuePrescription(patient: patient.id, lines: lines, by: fixture.doctor)
        #expect(prescription.verificationCode.count == 9)
        let stored = try fixture.store.prescriptions(of: patient.id)
        #expect(stored.map { $0.items.map(\.title) } == [["Amoxicillin 500 mg capsule", "Paracetamol 500 mg tablet"]])
        #expect(stored[0].prescriberID == fixture.doctor.userID)
        #expect(try fixture.store.auditEvents(limit: 1).first?.summary
            == "Prescribed Amoxicillin 500 mg capsule; Paracetamol 500 mg tablet for Smith, John")
    }

    @Test func onlyPrescribersMayPrescribeAndLinesNeedDirections() throws {
        let fixture = try StoreFixture()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        #expect(throws: StoreError.notPermitted(role: .nurse, permission: .prescribe)) {
            try fixture.store.issuePrescription(patient: patient.id, lines: [PrescriptionLine(drug: "X", sig: "y")], by: fixture.nurse)
        }
        let before = try fixture.rowCounts()
        #expect {
            try fixture.store.issuePrescription(patient: patient.id, lines: [PrescriptionLine(drug: "Amoxicillin", sig: " ")], by: fixture.doctor)
        } throws: { error in
            (error as? StoreError)?.description == "Line 1 has no directions for the patient."
        }
        #expect(try fixture.rowCounts() == before)
    }
}
