import ClinicCore
import Foundation
import Testing

@Suite("Booking rules")
struct BookingRulesTests {
    let monday = CalendarDate(year: 2026, month: 11, day: 23)!
    let provider = EntityID<Provider>(UUID())

    var template: ScheduleTemplate {
        ScheduleTemplate(
            id: EntityID(UUID()), providerID: provider, weekday: 1,
            hours: TimeRange(start: ClockTime("08:30")!, end: ClockTime("17:00")!)!,
            breaks: [ScheduleBreak(range: TimeRange(start: ClockTime("12:30")!, end: ClockTime("13:30")!)!, label: "Lunch")]
        )
    }

    func problems(at time: String, on day: CalendarDate? = nil, minutes: Int = 15, exceptions: [ScheduleException] = [],
                  existing: [Appointment] = []) -> [BookingProblem] {
        BookingRules.problems(
            start: LocalDateTime(date: day ?? monday, time: ClockTime(time)!), minutes: minutes, templates: [template],
            exceptions: exceptions, sameDay: existing,
            now: LocalDateTime(date: CalendarDate(year: 2026, month: 11, day: 21)!, time: ClockTime("10:00")!)
        )
    }

    @Test func aSlotInsideHoursIsClean() {
        #expect(problems(at: "09:00").isEmpty)
        #expect(problems(at: "16:45").isEmpty)
    }

    @Test func reportsHoursBreaksDaysOffLeaveOverlapsAndThePast() {
        #expect(problems(at: "08:00").map(\.description) == ["Outside the provider's hours (08:30–17:00)."])
        #expect(problems(at: "16:50").map(\.description) == ["Outside the provider's hours (08:30–17:00)."])
        #expect(problems(at: "12:20").map(\.description) == ["During the provider's break (Lunch, 12:30–13:30)."])
        #expect(problems(at: "09:00", on: monday.adding(days: 1)).map(\.description) == ["The provider does not work on Tuesdays."])
        let leave = ScheduleException(id: EntityID(UUID()), providerID: provider, kind: .leave, firstDay: monday,
                                      lastDay: monday, reason: "Conference")
        #expect(problems(at: "09:00", exceptions: [leave]).map(\.description)
            == ["The provider is on leave (Conference, 2026-11-23–2026-11-23)."])
        var other = AppointmentStatusMachineTests.appointment()
        other.start = LocalDateTime(date: monday, time: ClockTime("09:10")!)
        #expect(problems(at: "09:00", existing: [other]).map(\.description) == ["Overlaps another appointment at 09:10 (15 min)."])
        other.status = .cancelled
        #expect(problems(at: "09:00", existing: [other]).isEmpty, "a cancelled slot is free again")
        #expect(problems(at: "09:00", on: CalendarDate(year: 2026, month: 11, day: 16)!).contains(.inThePast))
    }
}
