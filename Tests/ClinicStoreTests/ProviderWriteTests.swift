import ClinicCore
@testable import ClinicStore
import Foundation
import Testing

/// Providers edited field by field, partial days, withdrawn time off, and the appointments time off covers.
@Suite("Providers and time off")
struct ProviderWriteTests {
    static let monday = CalendarDate(iso: "2026-11-23")!
    static func range(_ start: String, _ end: String) -> TimeRange { TimeRange(start: ClockTime(start)!, end: ClockTime(end)!)! }

    @Test func anEditWritesOneChangePerFieldAndAuditsEachOldAndNewValue() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider("Dr Haddad")
        var edited = provider
        edited.specialty = .paediatrics
        edited.defaultSlotMinutes = 20
        edited.userID = fixture.doctor.userID
        let saved = try fixture.store.editProvider(edited, by: fixture.admin)
        #expect(saved == edited)
        let changes = try fixture.lastChanges()
        #expect(changes.map { $0.field ?? "" } == ["default_slot_minutes", "specialty", "user_id"])
        #expect(changes.map(\.baseValue) == [.integer(15), .text("General practice"), .null])
        #expect(changes.allSatisfy { $0.operation == .update && $0.table == "provider" })
        let audit = try #require(try fixture.store.auditEvents(limit: 1).first)
        #expect(audit.action == "provider.edit")
        #expect(audit.summary == "Edited provider Dr Haddad: specialty General practice → Paediatrics, slot 15 → 20 min, linked user none → dan")
        #expect(try fixture.store.providers().first == edited)
    }

    @Test func anEditThatChangesNothingWritesNothing() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        let before = try fixture.rowCounts()
        #expect(try fixture.store.editProvider(provider, by: fixture.admin) == provider)
        #expect(try fixture.rowCounts() == before)
    }

    @Test func badDetailsAndARefusedRoleSaveNothing() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        var edited = provider
        edited.displayName = "  "
        edited.defaultSlotMinutes = 300
        let before = try fixture.rowCounts()
        #expect(throws: StoreError.invalid(ValidationFailure([
            FieldProblem(field: "provider name", message: "Provider name is required."),
            FieldProblem(field: "slot minutes", message: "A standard slot must be 5 to 240 minutes, not 300."),
        ]))) { try fixture.store.editProvider(edited, by: fixture.admin) }
        #expect(throws: StoreError.notPermitted(role: .receptionist, permission: .manageSchedules)) {
            try fixture.store.editProvider(provider, by: fixture.receptionist)
        }
        #expect(try fixture.rowCounts() == before)
    }

    @Test func aUserIsLinkedToOneProviderOnly() throws {
        let fixture = try StoreFixture()
        let haddad = try fixture.store.createProvider(displayName: "Dr Haddad", specialty: .generalPractice, defaultSlotMinutes: 15,
                                                      userID: fixture.doctor.userID, by: fixture.admin)
        var wang = try fixture.provider("Dr Wang")
        wang.userID = fixture.doctor.userID
        #expect(throws: StoreError.invalid(ValidationFailure([FieldProblem(
            field: "linked user", message: "dan is already linked to Dr Haddad; a user is one provider.")]))) {
            try fixture.store.editProvider(wang, by: fixture.admin)
        }
        var renamed = haddad
        renamed.displayName = "Dr Amina Haddad"
        #expect(try fixture.store.editProvider(renamed, by: fixture.admin).userID == fixture.doctor.userID, "keeping its own link")
    }

    @Test func aPartialDayIsSavedWithItsHoursAndTravelsAsFields() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        let leave = try fixture.store.addScheduleException(provider: provider.id, kind: .leave, firstDay: Self.monday, lastDay: Self.monday,
                                                           hours: Self.range("13:00", "17:00"), reason: "Course", by: fixture.admin)
        #expect(try fixture.store.scheduleExceptions(covering: Self.monday, provider: provider.id) == [leave])
        #expect(leave.hours == Self.range("13:00", "17:00"))
        let fields = try fixture.lastChanges().compactMap(\.field)
        #expect(fields.contains("start_minute") && fields.contains("end_minute"))
        #expect(try fixture.store.auditEvents(limit: 1).first?.summary == "Added leave 2026-11-23–2026-11-23 13:00–17:00 for Dr Haddad: Course")
        let day = try fixture.store.providerDays(provider.id, from: Self.monday, days: 1)
        #expect(day.dayOff(on: Self.monday) == nil)
        #expect(day.hours(on: Self.monday)?.breaks.first?.label == "leave: Course")
    }

    @Test func bookingInPartialLeaveIsRefusedAndBeforeItIsNot() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        try fixture.store.addScheduleException(provider: provider.id, kind: .leave, firstDay: Self.monday, lastDay: Self.monday,
                                               hours: Self.range("13:00", "17:00"), reason: "Course", by: fixture.admin)
        func request(_ time: String) -> BookingRequest {
            BookingRequest(patientID: patient.id, providerID: provider.id, start: LocalDateTime(date: Self.monday, time: ClockTime(time)!))
        }
        #expect(throws: (any Error).self) { try fixture.store.bookAppointment(request("14:00"), by: fixture.receptionist) }
        #expect(try fixture.store.bookAppointment(request("10:00"), by: fixture.receptionist).status == .booked)
    }

    @Test func leaveOverBookedAppointmentsListsThemAndCancelsNone() throws {
        let fixture = try StoreFixture()
        let haddad = try fixture.provider("Dr Haddad")
        let wang = try fixture.provider("Dr Wang")
        let smith = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let okafor = try fixture.store.registerPatient(PatientDetails(familyName: "Okafor", givenName: "Ada"), by: fixture.receptionist)
        func book(_ patient: Patient, _ provider: Provider, _ day: CalendarDate, _ time: String) throws -> Appointment {
            try fixture.store.bookAppointment(BookingRequest(patientID: patient.id, providerID: provider.id,
                                                             start: LocalDateTime(date: day, time: ClockTime(time)!)),
                                              by: fixture.receptionist)
        }
        let morning = try book(smith, haddad, Self.monday, "09:00")
        let afternoon = try book(okafor, haddad, Self.monday, "14:00")
        let tuesday = try book(smith, haddad, Self.monday.adding(days: 1), "15:00")
        let cancelled = try book(okafor, haddad, Self.monday.adding(days: 1), "16:00")
        try fixture.store.changeAppointmentStatus(cancelled.id, .cancel(reason: "Moved away"), by: fixture.receptionist)
        let withWang = try book(okafor, wang, Self.monday, "15:00")
        let leave = try fixture.store.addScheduleException(provider: haddad.id, kind: .leave, firstDay: Self.monday,
                                                           lastDay: Self.monday.adding(days: 1), hours: Self.range("13:00", "18:00"),
                                                           reason: "Conference", by: fixture.admin)
        let covered = try fixture.store.appointmentsCovered(by: leave.id)
        #expect(covered.map(\.id) == [afternoon.id, tuesday.id])
        #expect(covered.map(\.patientName) == ["Okafor, Ada", "Smith, John"])
        #expect(covered.allSatisfy { $0.providerName == "Dr Haddad" && $0.appointment.status == .booked })
        let statuses = try (fixture.store.schedule(on: Self.monday) + fixture.store.schedule(on: Self.monday.adding(days: 1)))
            .map(\.appointment.status)
        #expect(statuses.filter { $0 == .cancelled }.count == 1, "only the one cancelled before: leave cancels nothing")
        let holiday = try fixture.store.addScheduleException(provider: nil, kind: .holiday, firstDay: Self.monday, lastDay: Self.monday,
                                                             reason: "Staff training", by: fixture.admin)
        #expect(try fixture.store.appointmentsCovered(by: holiday.id).map(\.id) == [morning.id, afternoon.id, withWang.id])
    }

    @Test func withdrawnLeaveIsKeptRemovedWithItsReasonAndFreesTheTime() throws {
        let fixture = try StoreFixture()
        let provider = try fixture.provider()
        let leave = try fixture.store.addScheduleException(provider: provider.id, kind: .leave, firstDay: Self.monday, lastDay: Self.monday,
                                                           reason: "Course", by: fixture.admin)
        #expect(throws: StoreError.invalid(ValidationFailure([FieldProblem(field: "reason", message: "A reason is required.")]))) {
            try fixture.store.withdrawScheduleException(leave.id, reason: " ", by: fixture.admin)
        }
        try fixture.store.withdrawScheduleException(leave.id, reason: "Course cancelled", by: fixture.admin)
        #expect(try fixture.store.scheduleExceptions(covering: Self.monday, provider: provider.id).isEmpty)
        #expect(try fixture.count("schedule_exception", where: "delete_reason = 'Course cancelled' AND deleted_at IS NOT NULL") == 1)
        #expect(try fixture.lastChanges().allSatisfy { $0.operation == .delete })
        #expect(try fixture.store.auditEvents(limit: 1).first?.summary
                == "Withdrew leave 2026-11-23 for Dr Haddad (Course): Course cancelled")
        #expect(throws: StoreError.notFound(what: "holiday or leave", id: leave.id.description)) {
            try fixture.store.withdrawScheduleException(leave.id, reason: "again", by: fixture.admin)
        }
    }

    @Test func theRosterHasHoursLinksLeaveAheadAndHolidays() throws {
        let fixture = try StoreFixture()
        let haddad = try fixture.store.createProvider(displayName: "Dr Haddad", specialty: .generalPractice, defaultSlotMinutes: 15,
                                                      userID: fixture.doctor.userID, by: fixture.admin)
        try fixture.store.setWeeklySchedule(provider: haddad.id, days: [WorkingDay(weekday: 1, hours: Self.range("08:00", "12:00"))],
                                            by: fixture.admin)
        try fixture.store.addScheduleException(provider: haddad.id, kind: .leave, firstDay: CalendarDate(iso: "2026-11-02")!,
                                               lastDay: CalendarDate(iso: "2026-11-03")!, reason: "Past", by: fixture.admin)
        let ahead = try fixture.store.addScheduleException(provider: haddad.id, kind: .leave, firstDay: Self.monday, lastDay: Self.monday,
                                                           reason: "Course", by: fixture.admin)
        let holiday = try fixture.store.addScheduleException(provider: nil, kind: .holiday, firstDay: CalendarDate(iso: "2026-12-25")!,
                                                             lastDay: CalendarDate(iso: "2026-12-26")!, reason: "Christmas", by: fixture.admin)
        let roster = try fixture.store.providerRoster(from: CalendarDate(iso: "2026-11-16")!)
        let row = try #require(roster.providers.first)
        #expect(row.linkedUser?.username == "dan")
        #expect(row.week.map(\.weekday) == [1])
        #expect(row.leave == [ahead], "leave that ended before the week is left out")
        #expect(roster.holidays == [holiday])
        #expect(roster.users.map(\.username) == ["ada", "dan", "nina", "rita"])
    }
}
