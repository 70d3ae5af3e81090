import ClinicCore
@testable import ClinicStore
import Foundation
import Testing

@Suite("Booking")
struct BookingWriteTests {
    struct Book {
        let fixture = try! StoreFixture()
        let provider: Provider
        let other: Provider
        let patient: Patient

        init() throws {
            provider = try fixture.provider("Dr Haddad")
            other = try fixture.provider("Dr Wang")
            patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        }

        var store: ClinicStore { fixture.store }

        func request(_ date: String, _ time: String, with provider: Provider? = nil) -> BookingRequest {
            BookingRequest(patientID: patient.id, providerID: (provider ?? self.provider).id, start: StoreFixture.at(date, time))
        }
    }

    @Test func theSamePatientCannotBeInTwoPlacesAtOnce() throws {
        let book = try Book()
        try book.store.bookAppointment(book.request("2026-11-23", "09:00"), by: book.fixture.receptionist)
        #expect {
            try book.store.bookAppointment(book.request("2026-11-23", "09:00", with: book.other), by: book.fixture.receptionist)
        } throws: { error in
            guard case let StoreError.bookingRefused(problems) = error, case let .patientBusy(_, name)? = problems.first else { return false }
            return name == "Dr Haddad"
        }
    }

    @Test func anOverbookNeedsThePermissionAndAReason() throws {
        let book = try Book()
        let first = try book.store.bookAppointment(book.request("2026-11-23", "09:00"), by: book.fixture.receptionist)
        var squeezed = BookingRequest(patientID: try book.store.registerPatient(PatientDetails(familyName: "Okafor", givenName: "Ada"),
                                                                                by: book.fixture.receptionist).id,
                                      providerID: book.provider.id, start: StoreFixture.at("2026-11-23", "09:00"))
        squeezed.acceptingProblems = true
        #expect(throws: StoreError.notPermitted(role: .receptionist, permission: .overbook)) {
            try book.store.bookAppointment(squeezed, by: book.fixture.receptionist)
        }
        #expect(throws: StoreError.invalid(ValidationFailure([FieldProblem(field: "overbook reason", message: "An overbook reason is required.")]))) {
            try book.store.bookAppointment(squeezed, by: book.fixture.doctor)
        }
        squeezed.overbookReason = "Chest pain, seen today"
        let over = try book.store.bookAppointment(squeezed, by: book.fixture.doctor)
        #expect(over.overbookReason == "Chest pain, seen today")
        #expect(Set(try book.store.schedule(on: CalendarDate(iso: "2026-11-23")!).map(\.id)) == [first.id, over.id], "both kept")
    }

    @Test func movingKeepsTheAppointmentAndAuditsFromWhereToWhere() throws {
        let book = try Book()
        let booked = try book.store.bookAppointment(book.request("2026-11-23", "09:00"), by: book.fixture.receptionist)
        let moved = try book.store.moveAppointment(booked.id, to: StoreFixture.at("2026-11-24", "10:00"), provider: book.other.id,
                                                   by: book.fixture.receptionist)
        #expect(moved.id == booked.id && moved.providerID == book.other.id && moved.start == StoreFixture.at("2026-11-24", "10:00"))
        let audit = try #require(try book.store.auditEvents(limit: 1).first)
        #expect(audit.summary == "Moved from 2026-11-23 09:00 with Dr Haddad to 2026-11-24 10:00 with Dr Wang")
        #expect(throws: StoreError.self) {
            try book.store.moveAppointment(booked.id, to: StoreFixture.at("2026-11-29", "10:00"), by: book.fixture.receptionist)
        }
    }

    @Test func aNoShowOnlyOnceTheTimeHasCome() throws {
        let book = try Book()
        let later = try book.store.bookAppointment(book.request("2026-11-20", "11:00"), by: book.fixture.receptionist)
        #expect(throws: StoreError.invalid(ValidationFailure([FieldProblem(field: "appointment", message: "A no-show can only be recorded once the appointment's time has come (2026-11-20 11:00).")]))) {
            try book.store.changeAppointmentStatus(later.id, .markNoShow, by: book.fixture.receptionist)
        }
        book.fixture.clock.advance(by: 3_600 + 60)
        #expect(try book.store.changeAppointmentStatus(later.id, .markNoShow, by: book.fixture.receptionist).status == .noShow)
    }

    @Test func aSeriesIsCheckedEachTimeThenBookedTogetherAndCancelledFromOneOn() throws {
        let book = try Book()
        let clash = try book.store.bookAppointment(
            BookingRequest(patientID: try book.store.registerPatient(PatientDetails(familyName: "Okafor", givenName: "Ada"),
                                                                     by: book.fixture.receptionist).id,
                           providerID: book.provider.id, start: StoreFixture.at("2026-12-07", "09:00")), by: book.fixture.receptionist)
        let request = book.request("2026-11-23", "09:00")
        let checked = try book.store.checkSeries(request, rule: RecurrenceRule(every: 1, unit: .weeks, end: .count(4)))
        #expect(checked.map(\.start.date.description) == ["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14"])
        #expect(checked.map(\.problems.isEmpty) == [true, true, false, true])
        #expect(checked[2].problems == [.overlaps(existing: clash)])
        #expect(throws: StoreError.self) { try book.store.bookSeries(request, starts: checked.map(\.start), by: book.fixture.receptionist) }
        let starts = checked.filter(\.problems.isEmpty).map(\.start) + [StoreFixture.at("2026-12-07", "09:15")]
        let series = try book.store.bookSeries(request, starts: starts, by: book.fixture.receptionist)
        #expect(series.count == 4 && Set(series.compactMap(\.seriesID)).count == 1)
        let cancelled = try book.store.cancelSeries(from: series[2].id, reason: "Moving away", by: book.fixture.receptionist)
        #expect(cancelled.count == 2, "this one and the later one")
        #expect(try book.store.appointments(of: book.patient.id, from: CalendarDate(iso: "2026-11-20")!).filter { $0.status == .booked }.count == 2)
    }

    @Test func bookingFromTheWaitlistClosesTheEntry() throws {
        let book = try Book()
        let entry = try book.store.addToWaitlist(patient: book.patient.id, provider: book.provider.id,
                                                 earliest: CalendarDate(iso: "2026-11-23")!, latest: nil, times: [.morning],
                                                 note: "Any morning", by: book.fixture.receptionist)
        #expect(try book.store.waitlistFitting(provider: book.provider.id, start: StoreFixture.at("2026-11-24", "09:00")).map(\.id) == [entry.id])
        #expect(try book.store.waitlistFitting(provider: book.provider.id, start: StoreFixture.at("2026-11-24", "15:00")).isEmpty)
        var request = book.request("2026-11-24", "09:00")
        request.waitlistEntry = entry.id
        try book.store.bookAppointment(request, by: book.fixture.receptionist)
        #expect(try book.store.waitlist().isEmpty)
    }
}
