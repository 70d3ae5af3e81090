import ClinicCore
import Foundation
import Testing

@testable import ClinicStore

@Suite("Free slots and series from the store")
struct FreeSlotTests {
    /// Dr Osei sees patients on Mondays only, 09:00–10:00, in 15-minute slots.
    struct MondayClinic {
        let fixture = try! StoreFixture()
        let osei: Provider
        let wang: Provider
        let patient: Patient

        init() throws {
            osei = try fixture.store.createProvider(
                displayName: "Dr Osei", specialty: .generalPractice, defaultSlotMinutes: 15,
                by: fixture.admin)
            try fixture.store.setWeeklySchedule(
                provider: osei.id,
                days: [
                    WorkingDay(weekday: 1, hours: TimeRange(start: ClockTime("09:00")!, end: ClockTime("10:00")!)!)
                ], by: fixture.admin)
            wang = try fixture.provider("Dr Wang")
            patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        }

        var store: ClinicStore { fixture.store }

        /// Books someone new with Dr Osei at each time on `date`.
        func fill(_ date: String, _ times: [String]) throws {
            for (index, time) in times.enumerated() {
                let someone = try store.registerPatient(
                    PatientDetails(familyName: "Booked", givenName: ["Ana", "Ben", "Cleo", "Dev"][index]),
                    by: fixture.receptionist)
                try store.bookAppointment(
                    BookingRequest(patientID: someone.id, providerID: osei.id, start: StoreFixture.at(date, time)),
                    by: fixture.receptionist)
            }
        }
    }

    @Test func theNextFreeSlotsLookPastFullWeeksAndThePatientsOtherBookings() throws {
        let clinic = try MondayClinic()
        let hour = ["09:00", "09:15", "09:30", "09:45"]
        try clinic.fill("2026-11-23", hour)
        try clinic.fill("2026-11-30", hour)
        try clinic.fill("2026-12-07", ["09:00"])
        try clinic.store.bookAppointment(
            BookingRequest(
                patientID: clinic.patient.id, providerID: clinic.wang.id,
                start: StoreFixture.at("2026-12-07", "09:15")), by: clinic.fixture.receptionist)
        let slots = try clinic.store.nextFreeSlots(
            with: clinic.osei.id, from: StoreFixture.at("2026-11-20", "10:00"), limit: 3,
            for: clinic.patient.id)
        #expect(
            slots == [
                StoreFixture.at("2026-12-07", "09:30"), StoreFixture.at("2026-12-07", "09:45"),
                StoreFixture.at("2026-12-14", "09:00"),
            ],
            "two full Mondays, then 09:00 taken and the patient with Dr Wang at 09:15")
        #expect(
            try clinic.store.nextFreeSlots(
                with: clinic.osei.id, from: StoreFixture.at("2026-11-20", "10:00"), limit: 3, days: 14
            ).isEmpty,
            "nothing free within two weeks")
        let anyone = try clinic.store.nextFreeSlots(
            with: clinic.osei.id, from: StoreFixture.at("2026-12-07", "09:20"), limit: 2)
        #expect(
            anyone == [StoreFixture.at("2026-12-07", "09:30"), StoreFixture.at("2026-12-07", "09:45")],
            "without a patient, from 09:20: the 09:15 slot starts before that")
    }

    @Test func aSeriesCheckFindsThePatientBookedWithAnotherProviderOnAnOccurrence() throws {
        let clinic = try MondayClinic()
        try clinic.store.bookAppointment(
            BookingRequest(
                patientID: clinic.patient.id, providerID: clinic.wang.id,
                start: StoreFixture.at("2026-12-07", "09:00"), minutes: 30),
            by: clinic.fixture.receptionist)
        try clinic.fill("2026-11-30", ["09:15"])
        let checked = try clinic.store.checkSeries(
            BookingRequest(
                patientID: clinic.patient.id, providerID: clinic.osei.id, start: StoreFixture.at("2026-11-23", "09:15")),
            rule: RecurrenceRule(every: 1, unit: .weeks, end: .count(4)))
        #expect(
            checked.map { $0.problems.map(\.description) } == [
                [],
                ["Overlaps another appointment at 09:15 (15 min)."],
                ["The patient already has an appointment at 09:00 with Dr Wang."],
                [],
            ])
    }
}
