import ClinicCore
import Foundation
import Testing

@Suite("Availability, series and the waitlist")
struct BookingAvailabilityTests {
    static let provider = Provider(id: EntityID(UUID()), displayName: "Dr Haddad", specialty: .generalPractice, defaultSlotMinutes: 15)
    static let friday = CalendarDate(iso: "2026-11-20")!
    static func at(_ date: CalendarDate, _ time: String) -> LocalDateTime { LocalDateTime(date: date, time: ClockTime(time)!) }

    /// Monday to Friday 09:00–12:00 with a coffee break 10:30–10:45.
    static func day(_ appointments: [Appointment] = [], exceptions: [ScheduleException] = []) -> ProviderDay {
        let coffee = ScheduleBreak(range: TimeRange(start: ClockTime("10:30")!, end: ClockTime("10:45")!)!, label: "Coffee")
        let templates = (1...5).map { ScheduleTemplate(id: EntityID(UUID()), providerID: provider.id, weekday: $0,
                                                        hours: TimeRange(start: ClockTime("09:00")!, end: ClockTime("12:00")!)!,
                                                        breaks: [coffee]) }
        return ProviderDay(provider: provider, templates: templates, exceptions: exceptions, appointments: appointments)
    }

    static func booked(_ time: String, on date: CalendarDate = friday, minutes: Int = 15, status: AppointmentStatus = .booked,
                       patient: EntityID<Patient> = EntityID(UUID())) -> Appointment {
        Appointment(id: EntityID(UUID()), patientID: patient, providerID: provider.id, start: at(date, time), minutes: minutes, status: status)
    }

    @Test func aDayIsSlotsOfTheProvidersLengthWithBreaksBookingsAndThePast() {
        let morning = Self.booked("09:15")
        let slots = Availability.slots(Self.day([morning, Self.booked("11:00", status: .cancelled)]), on: Self.friday,
                                       now: Self.at(Self.friday, "09:05"))
        #expect(slots.count == 12)
        #expect(slots[0].state == .past, "09:00 has begun")
        #expect(slots[1].state == .booked([morning]))
        #expect(slots[6].state == .pause("Coffee"))
        #expect(slots[8].state == .free, "a cancelled appointment frees its slot")
        #expect(Availability.freeCount(Self.day([morning]), on: Self.friday, now: Self.at(Self.friday, "09:05")) == 9)
    }

    @Test func theNextFreeSlotsSkipWhatIsTakenTheWeekendLeaveAndThePatientsOtherBookings() {
        let patient = EntityID<Patient>(UUID())
        let leave = ScheduleException(id: EntityID(UUID()), providerID: Self.provider.id, kind: .leave,
                                      firstDay: Self.friday.adding(days: 3), lastDay: Self.friday.adding(days: 3), reason: "Course")
        let elsewhere = Appointment(id: EntityID(UUID()), patientID: patient, providerID: EntityID(UUID()),
                                    start: Self.at(Self.friday, "11:30"), minutes: 30)
        let busy = (0..<12).filter { $0 != 6 && $0 < 10 }.map { index in
            Self.booked(ClockTime(minuteOfDay: 540 + index * 15)!.description)
        }
        let slots = Availability.nextFree(Self.day(busy, exceptions: [leave]), from: Self.at(Self.friday, "08:00"), limit: 3,
                                          patientAppointments: [elsewhere], now: Self.at(Self.friday, "08:00"))
        #expect(slots == [Self.at(Self.friday.adding(days: 4), "09:00"), Self.at(Self.friday.adding(days: 4), "09:15"),
                          Self.at(Self.friday.adding(days: 4), "09:30")],
                "Friday's last slots clash with the patient's 11:30 elsewhere; Monday is leave; Tuesday is free")
    }

    @Test func thePatientsOwnAppointmentWithAnotherProviderIsAProblem() {
        let patient = EntityID<Patient>(UUID())
        let elsewhere = Appointment(id: EntityID(UUID()), patientID: patient, providerID: EntityID(UUID()),
                                    start: Self.at(Self.friday, "09:00"), minutes: 30)
        let problems = BookingRules.problems(start: Self.at(Self.friday, "09:15"), minutes: 15, templates: Self.day().templates,
                                             exceptions: [], sameDay: [], patientSameDay: [(elsewhere, "Dr Wang")],
                                             now: Self.at(Self.friday, "08:00"))
        #expect(problems == [.patientBusy(existing: elsewhere, providerName: "Dr Wang")])
        #expect(problems[0].description == "The patient already has an appointment at 09:00 with Dr Wang.")
        let moving = BookingRules.problems(start: Self.at(Self.friday, "09:15"), minutes: 15, templates: Self.day().templates,
                                           exceptions: [], sameDay: [], patientSameDay: [(elsewhere, "Dr Wang")],
                                           ignoring: elsewhere.id, now: Self.at(Self.friday, "08:00"))
        #expect(moving.isEmpty, "an appointment being moved does not clash with itself")
    }

    @Test func overbookingIsForDoctorsAndAdmins() {
        #expect(Role.doctor.may(.overbook) && Role.admin.may(.overbook))
        #expect(!Role.receptionist.may(.overbook) && !Role.nurse.may(.overbook))
    }

    @Test func aSeriesRepeatsByDaysOrWeeksForACountOrUntilADate() {
        let first = Self.at(Self.friday, "09:00")
        #expect(RecurrenceRule(every: 2, unit: .weeks, end: .count(3)).occurrences(from: first).map(\.date.description)
                == ["2026-11-20", "2026-12-04", "2026-12-18"])
        #expect(RecurrenceRule(every: 3, unit: .days, end: .until(CalendarDate(iso: "2026-11-27")!)).occurrences(from: first).count == 3)
        #expect(RecurrenceRule(every: 1, unit: .weeks, end: .count(500)).problem == "A series has 2 to 104 appointments.")
        #expect(RecurrenceRule(every: 1, unit: .weeks, end: .until(CalendarDate(iso: "2030-01-01")!)).occurrences(from: first).count == 104)
    }

    @Test func aWaitlistEntryFitsTheProviderTheDatesAndTheTimesOfDay() {
        let entry = WaitlistEntry(id: EntityID(UUID()), patientID: EntityID(UUID()), patientName: "Smith, John",
                                  patientMRN: MRN(prefix: "RVC", serial: 1),
                                  providerID: Self.provider.id, earliest: Self.friday, latest: Self.friday.adding(days: 7),
                                  times: [.morning], note: "", addedAt: Date())
        #expect(entry.fits(provider: Self.provider.id, start: Self.at(Self.friday, "09:00")))
        #expect(!entry.fits(provider: Self.provider.id, start: Self.at(Self.friday, "14:00")), "mornings only")
        #expect(!entry.fits(provider: EntityID(UUID()), start: Self.at(Self.friday, "09:00")), "another provider")
        #expect(!entry.fits(provider: Self.provider.id, start: Self.at(Self.friday.adding(days: 8), "09:00")), "after the latest day")
        var anyone = entry
        anyone.providerID = nil
        anyone.times = []
        #expect(anyone.fits(provider: EntityID(UUID()), start: Self.at(Self.friday, "17:30")))
    }
}
