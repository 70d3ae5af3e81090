import ClinicCore
import Foundation
import Testing

@Suite("Booking clashes")
struct BookingClashTests {
    static let haddad = EntityID<Provider>(UUID())
    static let wang = EntityID<Provider>(UUID())
    static let smith = EntityID<Patient>(UUID())
    static let okafor = EntityID<Patient>(UUID())
    static let monday = CalendarDate(iso: "2026-11-23")!

    /// An appointment whose id says when it was booked: `booked` 1 before 2 (ids are time-ordered).
    static func appointment(
        _ booked: Int, _ time: String, minutes: Int = 15, provider: EntityID<Provider> = haddad,
        patient: EntityID<Patient> = smith, on date: CalendarDate = monday, status: AppointmentStatus = .booked,
        overbookReason: String? = nil
    ) -> Appointment {
        let id = EntityID<Appointment>(UUID(uuidString: String(format: "0190f000-0000-7000-8000-%012d", booked))!)
        return Appointment(id: id, patientID: patient, providerID: provider, start: LocalDateTime(date: date, time: ClockTime(time)!),
                           minutes: minutes, status: status, overbookReason: overbookReason)
    }

    @Test func oneProviderBookedTwiceAtOnceIsAClashNamingTheLaterBooking() {
        let first = Self.appointment(2, "09:00", patient: Self.smith)
        let second = Self.appointment(1, "09:10", minutes: 20, patient: Self.okafor)
        #expect(BookingClash.all(in: [first, second]) == [BookingClash(earlier: second.id, later: first.id, kind: .provider)],
                "the one booked first is the earlier, whatever its time")
    }

    @Test func onePatientWithTwoProvidersAtOnceIsAClash() {
        let withHaddad = Self.appointment(1, "11:00", provider: Self.haddad)
        let withWang = Self.appointment(2, "11:00", minutes: 30, provider: Self.wang)
        #expect(BookingClash.all(in: [withWang, withHaddad]) == [BookingClash(earlier: withHaddad.id, later: withWang.id, kind: .patient)])
    }

    @Test func theSamePatientTwiceWithOneProviderIsTheProvidersClashOnce() {
        let one = Self.appointment(1, "10:00")
        let two = Self.appointment(2, "10:00")
        #expect(BookingClash.all(in: [one, two]) == [BookingClash(earlier: one.id, later: two.id, kind: .provider)])
    }

    @Test func backToBackOtherDaysAndOtherPeopleDoNotClash() {
        let nine = Self.appointment(1, "09:00", patient: Self.smith)
        let quarterPast = Self.appointment(2, "09:15", patient: Self.okafor)
        let tuesday = Self.appointment(3, "09:00", patient: Self.okafor, on: Self.monday.adding(days: 1))
        let elsewhere = Self.appointment(4, "09:00", provider: Self.wang, patient: Self.okafor)
        #expect(BookingClash.all(in: [nine, quarterPast, tuesday, elsewhere]).isEmpty)
        #expect(BookingClash(nine, quarterPast) == nil && BookingClash(nine, tuesday) == nil && BookingClash(nine, elsewhere) == nil)
    }

    @Test func aCancelledOrMissedAppointmentNoLongerClashes() {
        let kept = Self.appointment(1, "09:00", patient: Self.smith)
        let cancelled = Self.appointment(2, "09:00", patient: Self.okafor, status: .cancelled)
        let missed = Self.appointment(3, "09:00", provider: Self.wang, patient: Self.smith, status: .noShow)
        let checkedIn = Self.appointment(4, "09:00", patient: Self.okafor, status: .checkedIn)
        #expect(BookingClash.all(in: [kept, cancelled, missed, checkedIn]) == [BookingClash(earlier: kept.id, later: checkedIn.id, kind: .provider)],
                "a checked-in patient still holds the time")
    }

    @Test func anOverbookWithItsReasonIsIntendedButOnlyOnTheLaterBooking() {
        let booked = Self.appointment(1, "09:00", patient: Self.smith)
        let squeezed = Self.appointment(2, "09:00", patient: Self.okafor, overbookReason: "Chest pain, seen today")
        #expect(BookingClash.all(in: [booked, squeezed]).isEmpty, "the later one was booked knowing the slot was taken")
        let reasonOnTheFirst = Self.appointment(1, "09:00", patient: Self.smith, overbookReason: "Squeezed in")
        let plainLater = Self.appointment(2, "09:00", patient: Self.okafor)
        #expect(BookingClash.all(in: [reasonOnTheFirst, plainLater]) == [BookingClash(earlier: reasonOnTheFirst.id, later: plainLater.id, kind: .provider)],
                "a reason given for the first booking says nothing about one made after it")
        let emptyReason = Self.appointment(2, "09:00", patient: Self.okafor, overbookReason: "")
        #expect(BookingClash(booked, emptyReason) != nil)
    }

    @Test func threeInOneSlotAreThreePairsEachOnceInTimeOrder() {
        let lunch = Self.appointment(1, "12:00", patient: Self.okafor)
        let a = Self.appointment(2, "09:00", minutes: 30, patient: Self.smith)
        let b = Self.appointment(3, "09:15", patient: Self.okafor)
        let c = Self.appointment(4, "09:20", provider: Self.wang, patient: Self.smith)
        let d = Self.appointment(5, "12:00", patient: EntityID(UUID()))
        let clashes = BookingClash.all(in: [d, c, b, a, lunch])
        #expect(clashes == [
            BookingClash(earlier: a.id, later: b.id, kind: .provider),
            BookingClash(earlier: a.id, later: c.id, kind: .patient),
            BookingClash(earlier: lunch.id, later: d.id, kind: .provider),
        ])
        #expect(clashes[1].involves(c.id) && !clashes[1].involves(b.id))
    }
}
