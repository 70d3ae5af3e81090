import ClinicCore
import ClinicStore
import Foundation
@testable import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// Booking, moving, cancelling and the waitlist driven by keys against a real store.
@Suite("Booking flow", .serialized)
struct BookingFlowTests {
    func start(_ username: String = "rosa", size: Size = Size(width: 120, height: 32)) async throws -> (DeskFixture, FlowDriver) {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: size)
        try await driver.signIn(username)
        return (fixture, driver)
    }

    func appointments(_ family: String, _ fixture: DeskFixture) throws -> [Appointment] {
        try fixture.store.appointments(of: fixture.patients[family]!.id, from: CalendarDate(iso: "2026-11-01")!)
    }

    func entry(_ family: String, _ fixture: DeskFixture) throws -> Appointment {
        try #require(try appointments(family, fixture).first)
    }

    /// "The next free slot with Dr X for the patient in front of me": after the patient is found,
    /// book, provider, first free slot, save — counted.
    @Test func theNextFreeSlotForThePatientFoundTakesFourKeys() async throws {
        var (fixture, driver) = try await start()
        try await driver.keys("F3")
        await driver.type("#RVC-000007")
        let keys = ["C-b", "ret", "ret", "C-s"]
        #expect(keys.count <= 6)
        for key in keys { try await driver.keys(key) }
        let booked = try #require(try appointments("Østergaard", fixture).first)
        #expect(booked.providerID == fixture.providers[0].id)
        #expect(booked.start == LocalDateTime(date: CalendarDate(iso: "2026-11-20")!, time: ClockTime("10:00")!))
        #expect(booked.status == .booked && booked.minutes == 15 && booked.kind == .new)
        #expect(driver.state.message?.text.contains("Østergaard, Søren") == true, "\(String(describing: driver.state.message))")
        #expect(driver.state.modals.isEmpty)
        try await driver.keys("F1")
        #expect(driver.screen.textRows.contains { $0.hasPrefix("│10:00 Østergaard, Søren booked") }, "\(driver.text)")
        let audit = try fixture.store.auditEvents(table: "appointment", id: booked.id.description)
        #expect(audit.count == 1, "one write, one audit event")
    }

    @Test func aFreeSlotIsBookedForAPatientChosenInLookup() async throws {
        var (fixture, driver) = try await start()
        try await driver.keys("F1 right down")  // Dr Wang Li, 10:15
        try await driver.keys("b")
        #expect(driver.text.contains("Choose the patient"), "\(driver.text)")
        await driver.type("#RVC-000007")
        try await driver.keys("ret")
        #expect(driver.text.contains("Book an appointment"), "\(driver.text)")
        try await driver.keys("tab tab tab tab tab")
        await driver.type("Knee pain")
        try await driver.keys("C-s")
        let booked = try #require(try appointments("Østergaard", fixture).first)
        #expect(booked.providerID == fixture.providers[1].id)
        #expect(booked.start.time == ClockTime("10:15")!)
        #expect(booked.reason == "Knee pain")
    }

    @Test func choosingAPatientCanBeStoppedWithNothingBooked() async throws {
        var (fixture, driver) = try await start()
        try await driver.keys("F1 b")
        await driver.type("#RVC-000007")
        try await driver.keys("C-g")
        #expect(!driver.text.contains("Choose the patient"))
        try await driver.keys("ret")
        #expect(try appointments("Østergaard", fixture).isEmpty)
    }

    @Test func aCancellationAsksWhoAndKeepsTheReason() async throws {
        var (fixture, driver) = try await start()
        try await driver.keys("F1 right down down")  // محمد at 10:30
        try await driver.keys("x")
        #expect(driver.text.contains("Who cancelled?"))
        try await driver.keys("ret")  // by the patient
        #expect(driver.text.contains("Reason: by the patient"), "\(driver.text)")
        try await driver.keys("y")
        let cancelled = try entry("محمد", fixture)
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.cancelReason == "by the patient")
        #expect(driver.screen.textRows.contains { $0.hasPrefix("│10:30 free") && $0.contains("free") }, "\(driver.text)")
    }

    @Test func anotherReasonIsTypedAndAnEmptyOneRefused() async throws {
        var (fixture, driver) = try await start()
        try await driver.keys("F1 right down down x down down ret")
        try await driver.keys("C-s")
        #expect(try entry("محمد", fixture).status == .confirmed, "no reason, not cancelled")
        await driver.type("Moved abroad")
        try await driver.keys("C-s y")
        #expect(try entry("محمد", fixture).cancelReason == "Moved abroad")
    }

    @Test func anAppointmentMovesKeepingItsIdentity() async throws {
        var (fixture, driver) = try await start()
        let before = try entry("शर्मा", fixture)
        try await driver.keys("F1 right down down down down")  // शर्मा at 11:00
        try await driver.keys("m")
        #expect(driver.text.contains("moving शर्मा, अनिता"))
        try await driver.keys("down down ret")
        #expect(driver.text.contains("Move the appointment?"), "\(driver.text)")
        try await driver.keys("y")
        let after = try entry("शर्मा", fixture)
        #expect(after.id == before.id)
        #expect(after.start.time == ClockTime("11:30")!)
        #expect(try appointments("शर्मा", fixture).count == 1)
    }

    @Test func aNoShowBeforeTheTimeIsRefusedWithTheReason() async throws {
        var (fixture, driver) = try await start()
        try await driver.keys("F1 right down down down down N")  // शर्मा at 11:00, an hour away
        #expect(driver.state.message?.isError == true)
        #expect(driver.state.message?.text.contains("11:00") == true, "\(String(describing: driver.state.message))")
        #expect(try entry("शर्मा", fixture).status == .booked)
    }

    @Test func aNoShowOnceTheTimeHasComeIsRecordedAfterAsking() async throws {
        var (fixture, driver) = try await start()
        try fixture.store.bookAppointment(
            BookingRequest(patientID: fixture.patients["Østergaard"]!.id, providerID: fixture.providers[1].id,
                           start: LocalDateTime(date: CalendarDate(iso: "2026-11-20")!, time: ClockTime("10:00")!)),
            by: fixture.receptionist)
        fixture.clock.advance(by: 20 * 60)  // 10:20, and another terminal's booking
        await driver.send(.tick(fixture.clock.wallClock.now()))
        await driver.send(.storeChanged(.everything))
        // Twenty minutes without a key locked the desk; rosa's password brings it back.
        #expect(driver.state.screen == .signIn)
        await driver.type("secret-rosa")
        try await driver.keys("ret")
        try await driver.keys("F1 right")  // Dr Wang Li at 10:30; up to 10:00: Østergaard has not come
        try await driver.keys("up up")
        #expect(driver.text.contains("10:00–10:15 Dr Wang Li · Østergaard, Søren"), "\(driver.text)")
        try await driver.keys("N")
        #expect(driver.text.contains("Record a no-show?"), "\(driver.text)")
        try await driver.keys("y")
        #expect(try entry("Østergaard", fixture).status == .noShow)
    }

    @Test func aReceptionistCannotOverbookAndIsToldWhoCan() async throws {
        var (fixture, driver) = try await start()
        try await driver.keys("F3")
        await driver.type("#RVC-000007")
        try await driver.keys("C-b ret ret")
        // Put the start on محمد's 10:30 with Dr Haddad's slot changed to Dr Wang Li.
        try await driver.keys("C-u")
        await driver.type("Dr Wang Li")
        try await driver.keys("tab C-u")
        await driver.type("2026-11-20 10:30")
        try await driver.keys("C-s")
        #expect(driver.state.message?.text.contains("Only a doctor or an admin may overbook") == true,
                "\(String(describing: driver.state.message))")
        #expect(driver.text.contains("Book an appointment"), "the details stay open as typed")
        #expect(try appointments("Østergaard", fixture).isEmpty)
    }

    @Test func aDoctorOverbooksWithAReasonAndTheBookSaysSo() async throws {
        var (fixture, driver) = try await start("amina")
        try await driver.keys("F3")
        await driver.type("#RVC-000007")
        try await driver.keys("C-b")
        try await driver.keys("down ret ret C-u")  // Dr Wang Li
        await driver.type("Dr Wang Li")
        try await driver.keys("tab C-u")
        await driver.type("2026-11-20 10:30")
        try await driver.keys("C-s")
        #expect(driver.text.contains("Overbook?"), "\(driver.text)")
        await driver.type("urgent, doctor agreed")
        try await driver.keys("C-s")
        let booked = try #require(try appointments("Østergaard", fixture).first)
        #expect(booked.overbookReason == "urgent, doctor agreed")
    }

    @Test func aCancelledSlotIsOfferedToTheWaitlistThatFits() async throws {
        var (fixture, driver) = try await start()
        try fixture.store.addToWaitlist(patient: fixture.patients["Østergaard"]!.id, provider: fixture.providers[1].id,
                                        earliest: CalendarDate(iso: "2026-11-20")!, latest: nil, times: [], note: "any morning",
                                        by: fixture.receptionist)
        try await driver.keys("F1 right down down x ret y")
        #expect(driver.text.contains("Offer the slot to the waitlist"), "\(driver.text)")
        #expect(driver.text.contains("Østergaard, Søren"))
        try await driver.keys("ret")
        try await driver.keys("C-s")
        let booked = try #require(try appointments("Østergaard", fixture).first)
        #expect(booked.start.time == ClockTime("10:30")!)
        #expect(try fixture.store.waitlist().isEmpty, "booking from the waitlist closes the entry")
    }

    @Test func confirmingAsksThenMarksItConfirmed() async throws {
        var (fixture, driver) = try await start()
        try await driver.keys("F1 right down down down down C")  // शर्मा at 11:00, booked
        #expect(driver.text.contains("Confirm the appointment?"), "\(driver.text)")
        try await driver.keys("y")
        #expect(try entry("शर्मा", fixture).status == .confirmed)
        #expect(driver.state.message?.text.contains("शर्मा, अनिता") == true, "\(String(describing: driver.state.message))")
        try await driver.keys("C")
        #expect(driver.state.message?.isError == true, "a confirmed one cannot be confirmed again: \(String(describing: driver.state.message))")
    }

    @Test func aWeeklySeriesWithAClashSkipsItAndBooksTheRestTogether() async throws {
        var (fixture, driver) = try await start()
        let nextFriday = LocalDateTime(date: CalendarDate(iso: "2026-11-27")!, time: ClockTime("10:15")!)
        try fixture.store.bookAppointment(BookingRequest(patientID: fixture.patients["Smith"]!.id, providerID: fixture.providers[1].id,
                                                         start: nextFriday), by: fixture.receptionist)
        try await driver.keys("F1 right down r")  // Dr Wang Li, 10:15, a series
        await driver.type("#RVC-000007")
        try await driver.keys("ret")
        try await driver.keys("C-s")
        #expect(driver.text.contains("Every"), "the series' rule next: \(driver.text)")
        try await driver.keys("C-u")
        await driver.type("1w")
        try await driver.keys("tab C-u")
        await driver.type("4")
        try await driver.keys("C-s")
        #expect(driver.text.contains("1 of 4 have problems"), "\(driver.text)")
        #expect(driver.text.contains("Fri 27 Nov 10:15"), "the clashing one is named: \(driver.text)")
        try await driver.keys("ret")  // skip it
        #expect(driver.text.contains("Book the series?"), "\(driver.text)")
        try await driver.keys("n")  // not yet: the series form is still there, as typed
        #expect(driver.text.contains("Repeat the appointment") && driver.text.contains("1w"), "\(driver.text)")
        #expect(try appointments("Østergaard", fixture).isEmpty, "nothing booked on no")
        try await driver.keys("esc")  // and Esc goes back to the details, not out of booking
        #expect(driver.text.contains("Østergaard"), "the details form: \(driver.text)")
        try await driver.keys("C-s tab C-u")  // the details again, then the rule
        await driver.type("4")
        try await driver.keys("C-s")
        #expect(driver.text.contains("1 of 4 have problems"), "\(driver.text)")
        try await driver.keys("ret y")
        #expect(!driver.text.contains("Repeat the appointment"), "the forms close once the series is booked: \(driver.text)")
        let series = try appointments("Østergaard", fixture)
        #expect(series.map(\.start.date.description) == ["2026-11-20", "2026-12-04", "2026-12-11"])
        #expect(Set(series.map(\.seriesID)).count == 1 && series[0].seriesID != nil, "linked by one series id")
    }

    @Test func aFollowUpFromTheCardIsWithTheSameProviderAroundThatDateAndLinked() async throws {
        var (fixture, driver) = try await start()
        var earlier = try entry("Smith", fixture)
        try fixture.store.changeAppointmentStatus(earlier.id, .startConsultation, by: fixture.doctor)
        try fixture.store.changeAppointmentStatus(earlier.id, .complete, by: fixture.doctor)
        earlier = try entry("Smith", fixture)
        try await driver.keys("F3")
        await driver.type("#RVC-000001")
        try await driver.keys("ret f")
        #expect(driver.text.contains("Follow-up for Smith, John"), "\(driver.text)")
        try await driver.keys("C-s")  // in 2 weeks (filled in)
        #expect(driver.text.contains("Free with Dr Amina Haddad"), "the same provider, no question: \(driver.text)")
        try await driver.keys("ret")
        #expect(driver.text.contains("follow-up"), "\(driver.text)")
        try await driver.keys("C-s")
        let all = try appointments("Smith", fixture)
        let followUp = try #require(all.first { $0.id != earlier.id })
        #expect(followUp.providerID == earlier.providerID && followUp.kind == .followUp)
        #expect(followUp.start.date == CalendarDate(iso: "2026-12-02")!, "from two days before 4 Dec: \(followUp.start)")
        let linked = try #require(all.first { $0.id == earlier.id })
        #expect(linked.status == .followUpBooked && linked.followUpID == followUp.id, "the two are linked")
    }

    @Test func movingOntoItsOwnSlotIsRefusedAndEscClearsAKeptFilter() async throws {
        var (fixture, driver) = try await start()
        try await driver.keys("F1 right down down down down m ret")  // शर्मा at 11:00, onto 11:00
        #expect(driver.state.message == .error("That is where the appointment is now; choose another slot, or Esc to stop moving."))
        try await driver.keys("esc")
        #expect(driver.state.message?.text.hasPrefix("Stopped moving शर्मा, अनिता") == true)
        #expect(try entry("शर्मा", fixture).start.time == ClockTime("11:00")!)
        try await driver.keys("/")
        await driver.type("wang")
        try await driver.keys("ret esc")
        #expect(driver.state.scheduleColumns == ["Dr Amina Haddad", "Dr Wang Li"], "Esc shows every provider again")
        #expect(driver.state.message?.text == "Showing every provider again.")
    }

    @Test func theHistoryShowsWhatWasDone() async throws {
        var (_, driver) = try await start()
        try await driver.keys("F1 right down down i")  // محمد: booked, then confirmed
        #expect(driver.text.contains("History — محمد, عبد الله, today 10:30"), "\(driver.text)")
        guard case let .schedule(.history(dialog))? = driver.state.modals.last else {
            Issue.record("the history dialog is on top: \(driver.state.modals)")
            return
        }
        #expect(dialog.options.count == 2, "the booking and the confirmation: \(dialog.options.map(\.detail))")
        #expect(dialog.options.allSatisfy { !$0.detail.isEmpty }, "each says who and what")
    }

    @Test func theWeekViewCountsFreeAndBooked() async throws {
        var (_, driver) = try await start()
        try await driver.keys("F1 right w")
        #expect(driver.text.contains("Dr Wang Li"), "\(driver.text)")
        let today = try #require(driver.screen.textRows.first { $0.contains("Fri 20 Nov") })
        #expect(today.contains("29") && today.contains("3") && today.contains("10:00"), "free, booked, first free: \(today)")
        #expect(driver.text.contains("Sat 21 Nov") && driver.text.contains("not working"))
        try await driver.keys("}")
        #expect(driver.text.contains("Week of Mon 23 Nov"), "\(driver.text)")
        try await driver.keys("w")
        #expect(driver.text.contains("Book — today"), "w again is back to the day")
    }
}

@Suite("Clashes in the book", .serialized)
struct BookClashTests {
    /// What sync leaves when two devices booked offline: the same patient with two providers at
    /// once (booked here by the system, which needs no overbook reason, as a pull would).
    @Test func aPatientBookedWithTwoProvidersAtOnceIsMarkedInBothColumns() async throws {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        try fixture.store.bookAppointment(
            BookingRequest(patientID: fixture.patients["शर्मा"]!.id, providerID: fixture.providers[0].id,
                           start: LocalDateTime(date: CalendarDate(iso: "2026-11-20")!, time: ClockTime("11:00")!),
                           acceptingProblems: true),
            by: .system("sync"))
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: Size(width: 200, height: 60))
        try await driver.signIn("rosa")
        try await driver.keys("F1 down down down down")  // Dr Haddad, 11:00
        let row = try #require(driver.screen.textRows.first { $0.hasPrefix("│11:00") })
        #expect(row.components(separatedBy: "CLASH").count == 3, "both columns say so: \(row)")
        #expect(driver.text.contains("is also booked with Dr Wang Li at 11:00 — move one (m)"), "\(driver.text)")
    }
}
