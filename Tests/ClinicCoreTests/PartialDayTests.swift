import ClinicCore
import Foundation
import Testing

/// Leave and closures for part of a day: the hours left, the slots, the booking problems, and
/// which appointments new time off falls on.
@Suite("Partial days and time off")
struct PartialDayTests {
    static let provider = Provider(id: EntityID(UUID()), displayName: "Dr Haddad", specialty: .generalPractice, defaultSlotMinutes: 60)
    /// Monday 2026-11-23.
    static let monday = CalendarDate(iso: "2026-11-23")!
    static func at(_ time: String, on date: CalendarDate = monday) -> LocalDateTime { LocalDateTime(date: date, time: ClockTime(time)!) }
    static func range(_ start: String, _ end: String) -> TimeRange { TimeRange(start: ClockTime(start)!, end: ClockTime(end)!)! }

    static func leave(_ hours: TimeRange?, provider: EntityID<Provider>? = provider.id, days: Int = 1) -> ScheduleException {
        ScheduleException(id: EntityID(UUID()), providerID: provider, kind: provider == nil ? .holiday : .leave, firstDay: monday,
                          lastDay: monday.adding(days: days - 1), reason: provider == nil ? "Staff training" : "Course", hours: hours)
    }

    /// Monday to Friday 09:00–17:00 with lunch 12:00–13:00, in one-hour slots.
    static func day(_ exceptions: [ScheduleException]) -> ProviderDay {
        let lunch = ScheduleBreak(range: range("12:00", "13:00"), label: "Lunch")
        let templates = (1...5).map { ScheduleTemplate(id: EntityID(UUID()), providerID: provider.id, weekday: $0,
                                                        hours: range("09:00", "17:00"), breaks: [lunch]) }
        return ProviderDay(provider: provider, templates: templates, exceptions: exceptions, appointments: [])
    }

    static func booked(_ time: String, minutes: Int = 30, status: AppointmentStatus = .booked,
                       provider: EntityID<Provider> = provider.id, on date: CalendarDate = monday) -> Appointment {
        Appointment(id: EntityID(UUID()), patientID: EntityID(UUID()), providerID: provider, start: at(time, on: date),
                    minutes: minutes, status: status)
    }

    @Test func anAfternoonOfLeaveLeavesTheMorningBookable() {
        let day = Self.day([Self.leave(Self.range("13:00", "17:00"))])
        #expect(day.dayOff(on: Self.monday) == nil, "a partial day is not a day off")
        let hours = day.hours(on: Self.monday)
        #expect(hours?.breaks.map(\.label) == ["leave: Course", "Lunch"])
        let slots = Availability.slots(day, on: Self.monday, now: Self.at("08:00"))
        #expect(slots.map(\.state) == [.free, .free, .free, .pause("Lunch"), .pause("leave: Course"), .pause("leave: Course"),
                                       .pause("leave: Course"), .pause("leave: Course")])
        #expect(Availability.slots(day, on: Self.monday.adding(days: 1), now: Self.at("08:00")).allSatisfy { $0.state == .free || $0.state == .pause("Lunch") },
                "only the day it covers")
    }

    @Test func partialDaysThatTakeAllTheHoursAreADayOff() {
        let day = Self.day([Self.leave(Self.range("08:00", "12:30")), Self.leave(Self.range("12:00", "18:00"))])
        #expect(day.hours(on: Self.monday) == nil)
        #expect(day.dayOff(on: Self.monday) == "leave: Course")
        #expect(Availability.slots(day, on: Self.monday, now: Self.at("08:00")).isEmpty)
    }

    @Test func aClinicClosingEarlySaysSoInTheBook() {
        let day = Self.day([Self.leave(Self.range("15:00", "17:00"), provider: nil)])
        let slots = Availability.slots(day, on: Self.monday, now: Self.at("08:00"))
        #expect(slots.suffix(2).map(\.state) == [.pause("clinic closed: Staff training"), .pause("clinic closed: Staff training")])
    }

    @Test func bookingInPartialLeaveIsAProblemAndBeforeItIsNot() {
        let leave = Self.leave(Self.range("13:00", "17:00"))
        let templates = Self.day([]).templates
        let inLeave = BookingRules.problems(start: Self.at("14:00"), minutes: 30, templates: templates, exceptions: [leave], sameDay: [],
                                            now: Self.at("08:00"))
        #expect(inLeave == [.closed(leave)])
        #expect(inLeave.first?.description == "The provider is on leave (Course, 2026-11-23–2026-11-23 13:00–17:00).")
        let before = BookingRules.problems(start: Self.at("10:00"), minutes: 30, templates: templates, exceptions: [leave], sameDay: [],
                                           now: Self.at("08:00"))
        #expect(before.isEmpty)
        let overlapping = BookingRules.problems(start: Self.at("11:45"), minutes: 90, templates: templates, exceptions: [leave],
                                                sameDay: [], now: Self.at("08:00"))
        #expect(overlapping.contains(.closed(leave)), "a long visit running into the leave")
    }

    @Test func timeOffCoversTheAppointmentsStillExpectedInItsTime() {
        let leave = Self.leave(Self.range("13:00", "17:00"), days: 2)
        let afternoon = Self.booked("14:00")
        let tomorrow = Self.booked("16:30", on: Self.monday.adding(days: 1))
        let confirmed = Self.booked("13:00", status: .confirmed)
        let morning = Self.booked("10:00")
        let runningIn = Self.booked("12:45", minutes: 30)
        let cancelled = Self.booked("15:00", status: .cancelled)
        let seen = Self.booked("15:30", status: .completed)
        let otherProvider = Self.booked("14:30", provider: EntityID(UUID()))
        let dayAfter = Self.booked("14:00", on: Self.monday.adding(days: 2))
        let all = [tomorrow, afternoon, confirmed, morning, runningIn, cancelled, seen, otherProvider, dayAfter]
        #expect(leave.covered(all) == [runningIn, confirmed, afternoon, tomorrow])
        let holiday = Self.leave(nil, provider: nil)
        #expect(holiday.covered(all) == [morning, runningIn, confirmed, afternoon, otherProvider],
                "a clinic holiday covers every provider, the whole day")
    }

    @Test func theWhenOfTimeOffInWords() {
        #expect(Self.leave(Self.range("13:00", "17:00")).when == "leave 2026-11-23 13:00–17:00")
        #expect(Self.leave(nil, provider: nil, days: 3).when == "holiday 2026-11-23–2026-11-25")
    }
}

/// A weekday's hours as typed: spans in order, the gaps are breaks, or off; problems quote what is wrong.
@Suite("Weekly hours as typed")
struct DayHoursTextTests {
    static func range(_ start: String, _ end: String) -> TimeRange { TimeRange(start: ClockTime(start)!, end: ClockTime(end)!)! }

    @Test func spansBecomeHoursAndTheGapsBreaks() throws {
        let day = try DayHoursText.parse("08:30-12:30, 13:30 – 17:00", weekday: 1).get()
        #expect(day == WorkingDay(weekday: 1, hours: Self.range("08:30", "17:00"),
                                  breaks: [ScheduleBreak(range: Self.range("12:30", "13:30"), label: "break")]))
        let kept = try DayHoursText.parse("8:30-12:30, 13:30-17:00", weekday: 2,
                                          keeping: [ScheduleBreak(range: Self.range("12:30", "13:30"), label: "Lunch")]).get()
        #expect(kept?.breaks.map(\.label) == ["Lunch"], "a gap typed again keeps its name")
        #expect(try DayHoursText.parse("off", weekday: 6).get() == nil)
        #expect(try DayHoursText.parse("  ", weekday: 7).get() == nil)
    }

    @Test func whatIsWrongIsNamed() {
        func problem(_ text: String) -> String? {
            if case let .failure(problem) = DayHoursText.parse(text, weekday: 1) { return problem.message }
            return nil
        }
        #expect(problem("9-17") == "“9” is not a time of day: write HH:MM, e.g. 08:30.")
        #expect(problem("08:00-25:00") == "“25:00” is not a time of day: write HH:MM, e.g. 17:00.")
        #expect(problem("17:00-09:00") == "In “17:00-09:00” the end 09:00 is not after the start 17:00.")
        #expect(problem("08:00-13:00, 12:00-17:00") == "12:00–17:00 starts before 08:00–13:00 ends: list the spans in order, apart.")
        #expect(problem("mornings") == "“mornings” is not a span of time: write it as 08:30-12:30.")
        if case let .failure(problem) = DayHoursText.parse("x", weekday: 3) { #expect(problem.field == "Wednesday") }
    }

    @Test func savedHoursReadBackAsTheyAreTyped() throws {
        let template = ScheduleTemplate(id: EntityID(UUID()), providerID: EntityID(UUID()), weekday: 1, hours: Self.range("08:30", "17:00"),
                                        breaks: [ScheduleBreak(range: Self.range("12:30", "13:30"), label: "Lunch")])
        let text = DayHoursText.format(template)
        #expect(text == "08:30-12:30, 13:30-17:00")
        #expect(try DayHoursText.parse(text, weekday: 1, keeping: template.breaks).get() == WorkingDay(template))
        #expect(DayHoursText.format(nil as ScheduleTemplate?) == "off")
    }
}
