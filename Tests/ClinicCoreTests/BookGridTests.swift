import ClinicCore
import Foundation
import Testing

/// The book's grid, a provider's week and the days a receptionist types: pure values.
@Suite("Book grid, week and typed days")
struct BookGridTests {
    typealias A = BookingAvailabilityTests
    static let other = Provider(id: EntityID(UUID()), displayName: "Dr Wang", specialty: .paediatrics, defaultSlotMinutes: 30)

    static func otherDay(_ appointments: [Appointment] = [], exceptions: [ScheduleException] = []) -> ProviderDay {
        let templates = (1...5).map { ScheduleTemplate(id: EntityID(UUID()), providerID: other.id, weekday: $0,
                                                        hours: TimeRange(start: ClockTime("10:00")!, end: ClockTime("12:00")!)!) }
        return ProviderDay(provider: other, templates: templates, exceptions: exceptions, appointments: appointments)
    }

    static func book(_ days: [ProviderDay]) -> AppointmentBook {
        AppointmentBook(date: A.friday, days: days, entries: [])
    }

    @Test func rowsAreEverySlotStartOfAnyProviderAndLongerSlotsContinue() {
        let grid = BookGrid(Self.book([A.day(), Self.otherDay()]), now: A.at(A.friday, "08:00"))
        #expect(grid.times.first == ClockTime("09:00")! && grid.times.last == ClockTime("11:45")!)
        #expect(grid.times.count == 12, "15-minute rows from 09:00 to 11:45; Dr Wang's half hours fall on them")
        let wang = grid.columns[1]
        #expect(wang.cells[0] == .outside, "Dr Wang starts at 10:00")
        #expect(wang.cells[4] == .slot(0) && wang.cells[5] == .continues(0), "10:00–10:30 spans two rows")
        #expect(grid.columns.map(\.freeCount) == [11, 4], "the coffee break is not free")
        #expect(grid.slot(column: 1, row: 5)?.start == ClockTime("10:00")!)
        #expect(grid.startRow(column: 1, row: 5) == 4)
    }

    @Test func leaveIsSaidInWordsAndABookingOutsideTheHoursStillShows() {
        let leave = ScheduleException(id: EntityID(UUID()), providerID: Self.other.id, kind: .leave, firstDay: A.friday,
                                      lastDay: A.friday, reason: "conference")
        let late = A.booked("12:30")
        let grid = BookGrid(Self.book([A.day([late]), Self.otherDay(exceptions: [leave])]), now: A.at(A.friday, "08:00"))
        #expect(grid.columns[1].dayOff == "leave: conference")
        #expect(grid.columns[1].freeCount == 0)
        #expect(grid.times.contains(ClockTime("12:30")!), "nothing booked is left off the book")
        let row = grid.times.firstIndex(of: ClockTime("12:30")!)!
        #expect(grid.slot(column: 0, row: row)?.state == .booked([late]))
    }

    @Test func twoInOneSlotAreAnOverbookWhenTheLaterHasAReasonElseAClash() {
        var first = A.booked("09:00")
        first.id = EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000001")!)
        var second = A.booked("09:00")
        second.id = EntityID(UUID(uuidString: "00000000-0000-7000-8000-000000000002")!)
        #expect(SlotBooking(.booked([second, first])) == .clash([first, second]))
        second.overbookReason = "urgent"
        #expect(SlotBooking(.booked([second, first])) == .overbooked([first, second]))
        #expect(SlotBooking(.booked([first])) == .one(first))
        #expect(SlotBooking(.free) == nil)
    }

    @Test func aWeekCountsFreeAndBookedAndTheFirstFreeSlotPerDay() {
        let monday = WeekSummary.monday(of: A.friday)
        #expect(monday == CalendarDate(iso: "2026-11-16")!)
        let summary = WeekSummary(A.day([A.booked("09:00"), A.booked("09:15", status: .cancelled)]), from: monday,
                                  now: A.at(CalendarDate(iso: "2026-11-18")!, "09:20"))
        #expect(summary.days.map(\.free) == [0, 0, 9, 11, 10, 0, 0], "past days have none; on Wednesday 09:00 and 09:15 have begun")
        #expect(summary.days[4].booked == 1, "a cancelled one holds no time")
        #expect(summary.days[4].firstFree == ClockTime("09:15")!, "the cancelled slot is free again")
        #expect(summary.days[2].firstFree == ClockTime("09:30")!)
        #expect(summary.days[5].dayOff != nil && summary.days[5].firstFree == nil, "Saturday is not worked")
    }

    @Test(arguments: [
        ("today", "2026-11-20"), ("tomorrow", "2026-11-21"), ("yesterday", "2026-11-19"), ("mon", "2026-11-23"),
        ("fri", "2026-11-27"), ("+3", "2026-11-23"), ("2w", "2026-12-04"), ("1m", "2026-12-20"), ("24/12", "2026-12-24"),
        ("24 dec", "2026-12-24"), ("2027-01-05", "2027-01-05"), ("5/1/2027", "2027-01-05"),
    ])
    func daysAreReadTheWayTheyAreTyped(text: String, day: String) {
        #expect(DayInput.parse(text, today: A.friday, order: .dayMonthYear) == CalendarDate(iso: day), "\(text)")
    }

    @Test func unreadableDaysAreNilAndMonthsStayInsideTheMonth() {
        for text in ["", "someday", "32/13", "2x"] {
            #expect(DayInput.parse(text, today: A.friday, order: .dayMonthYear) == nil, "\(text)")
        }
        #expect(DayInput.adding(months: 1, to: CalendarDate(iso: "2027-01-31")!) == CalendarDate(iso: "2027-02-28")!)
        #expect(DayInput.distance("6 weeks").map { [$0.count] } == [6] && DayInput.distance("6 weeks")?.unit == .weeks)
        #expect(DayInput.parse("12/24", today: A.friday, order: .monthDayYear) == CalendarDate(iso: "2026-12-24")!)
    }
}
