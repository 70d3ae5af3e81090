import ClinicCore
@testable import ClinicStore
import Foundation
import Testing

/// The clinic's reports on a small day worked out by hand: two patients seen (waits of 10 and
/// 20 minutes, consultations of 15 and 20), one no-show, one cancelled, one never marked; a
/// working day of 540 minutes and one of 420 (leave from 16:00); three registrations.
@Suite("Report reads", .serialized)
struct ReportReadsTests {
    static let monday = CalendarDate(iso: "2026-11-23")!
    static let tuesday = CalendarDate(iso: "2026-11-24")!

    func at(_ day: CalendarDate, _ time: String) -> Date {
        day.start(in: TimeZone(identifier: "UTC")!).addingTimeInterval(Double(ClockTime(time)!.minuteOfDay) * 60)
    }

    func clinic() throws -> StoreFixture {
        let fixture = try StoreFixture()
        let store = fixture.store
        fixture.clock.set(at(Self.monday, "07:00"))
        let provider = try store.createProvider(displayName: "Dr Haddad", specialty: .generalPractice, defaultSlotMinutes: 15, by: fixture.admin)
        try store.setWeeklySchedule(provider: provider.id, days: (1...5).map {
            WorkingDay(weekday: $0, hours: TimeRange(start: ClockTime("08:00")!, end: ClockTime("18:00")!)!,
                       breaks: [ScheduleBreak(range: TimeRange(start: ClockTime("13:00")!, end: ClockTime("14:00")!)!, label: "lunch")])
        }, by: fixture.admin)
        _ = try store.addScheduleException(provider: provider.id, kind: .leave, firstDay: Self.tuesday, lastDay: Self.tuesday,
                                           hours: TimeRange(start: ClockTime("16:00")!, end: ClockTime("18:00")!)!, reason: "Course",
                                           by: fixture.admin)
        var patients: [Patient] = []
        for name in ["Ann", "Ben", "Cal"] {
            patients.append(try store.registerPatient(PatientDetails(familyName: "Report", givenName: name), by: fixture.receptionist))
        }
        func book(_ patient: Patient, _ day: CalendarDate, _ time: String) throws -> Appointment {
            try store.bookAppointment(BookingRequest(patientID: patient.id, providerID: provider.id, start: LocalDateTime(date: day, time: ClockTime(time)!),
                                                     reason: "Check-up", acceptingProblems: true), by: fixture.receptionist)
        }
        let first = try book(patients[0], Self.monday, "09:00")
        let second = try book(patients[1], Self.monday, "09:15")
        let missed = try book(patients[2], Self.monday, "09:30")
        let cancelled = try book(patients[0], Self.monday, "09:45")
        _ = try book(patients[1], Self.tuesday, "09:00")
        try store.changeAppointmentStatus(cancelled.id, .cancel(reason: "Feeling better"), by: fixture.receptionist)
        func seen(_ appointment: Appointment, arrive: String, call: String, finish: String) throws {
            fixture.clock.set(at(Self.monday, arrive))
            try store.changeAppointmentStatus(appointment.id, .checkIn, by: fixture.receptionist)
            let visit = try #require(try store.queue(on: Self.monday).first { $0.visit.appointmentID == appointment.id }).visit
            fixture.clock.set(at(Self.monday, call))
            _ = try store.callPatient(visit.id, room: "Room 1", by: fixture.doctor)
            _ = try store.startConsultation(visit.id, by: fixture.doctor)
            fixture.clock.set(at(Self.monday, finish))
            _ = try store.finishVisit(visit.id, outcome: .done, by: fixture.doctor)
        }
        try seen(first, arrive: "08:55", call: "09:05", finish: "09:20")
        try seen(second, arrive: "09:10", call: "09:30", finish: "09:50")
        fixture.clock.set(at(Self.monday, "09:55"))
        try store.changeAppointmentStatus(missed.id, .markNoShow, by: fixture.receptionist)
        fixture.clock.set(at(Self.tuesday, "10:00"))
        _ = try store.registerPatient(PatientDetails(familyName: "Report", givenName: "Dee"), by: fixture.receptionist)
        fixture.clock.set(at(Self.tuesday, "12:00"))
        return fixture
    }

    @Test func noShowsCountKeptMissedCancelledAndUnmarked() throws {
        let fixture = try clinic()
        let lines = Reports.noShows(try fixture.store.appointmentCounts(from: Self.monday, to: Self.tuesday))
        #expect(lines.first == Reports.NoShowLine(provider: "Dr Haddad", kept: 2, noShows: 1, cancelled: 1, unmarked: 1))
        #expect(Reports.percent(lines.first?.rateBasisPoints) == "33.3%", "1 of the 3 that were due")
        #expect(lines.last?.provider == "All providers" && lines.count == 2)
    }

    @Test func waitingTimesAreTheMedianAndNinetiethPercentileOfEachWait() throws {
        let fixture = try clinic()
        let lines = Reports.waitingTimes(try fixture.store.visitTimes(from: Self.monday, to: Self.tuesday))
        #expect(lines == [Reports.WaitingLine(provider: "Dr Haddad", day: Self.monday, visits: 2, waitedMedian: 10, waitedP90: 20,
                                              seenMedian: 15, seenP90: 20)])
    }

    @Test func utilisationIsBookedMinutesOverWorkingMinutes() throws {
        let fixture = try clinic()
        let lines = try fixture.store.utilisation(from: Self.monday, to: Self.tuesday)
        // Monday 600 − 60 lunch = 540; Tuesday 540 − 120 of leave = 420. Booked: four 15-minute appointments not cancelled.
        #expect(lines == [Reports.UtilisationLine(provider: "Dr Haddad", bookedMinutes: 60, availableMinutes: 960)])
        #expect(Reports.percent(lines[0].basisPoints) == "6.3%", "60 / 960 = 6.25%")
    }

    @Test func registrationsArePerClinicDayWithQuietDaysAsZero() throws {
        let fixture = try clinic()
        let lines = Reports.registrations(try fixture.store.registrationDays(from: Self.monday, to: Self.tuesday.adding(days: 1)),
                                          from: Self.monday, to: Self.tuesday.adding(days: 1))
        #expect(lines.map(\.count) == [3, 1, 0])
    }
}
