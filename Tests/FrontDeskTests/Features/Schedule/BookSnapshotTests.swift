import ClinicCore
import ClinicStore
import Foundation
import FrontDesk
import TerminalKit
import TerminalKitTesting
import Testing

/// The appointment book's screens: six providers (one with a lunch break, one on leave, one
/// overbooked) at every size, the week view, and thirty providers scrolling sideways.
@Suite("Book screens", .serialized)
struct BookSnapshotTests {
    static let friday = CalendarDate(iso: "2026-11-20")!

    /// The fixture's two providers and four more.
    func sixProviders() throws -> DeskFixture {
        let fixture = try DeskFixture()
        try fixture.fillToday()
        let admin = fixture.admin
        let lunch = ScheduleBreak(range: TimeRange(start: ClockTime("12:30")!, end: ClockTime("13:30")!)!, label: "lunch")
        for (index, name) in ["Dr Ines Moreau", "Nurse Tom Reyes", "Dr Kofi Mensah", "Dr Lena Vogel"].enumerated() {
            let provider = try fixture.store.createProvider(displayName: name, specialty: index == 1 ? Specialty(rawValue: "Practice nursing") : .generalPractice,
                                                            defaultSlotMinutes: index == 1 ? 10 : 20, by: admin)
            try fixture.store.setWeeklySchedule(provider: provider.id, days: (1...5).map {
                WorkingDay(weekday: $0, hours: TimeRange(start: ClockTime(index == 2 ? "09:00" : "08:30")!, end: ClockTime("17:00")!)!,
                           breaks: index == 0 ? [lunch] : [])
            }, by: admin)
            if index == 3 {
                try fixture.store.addScheduleException(provider: provider.id, kind: .leave, firstDay: Self.friday,
                                                       lastDay: Self.friday.adding(days: 3), reason: "conference", by: admin)
            }
            if index == 2 {
                let first = try fixture.store.bookAppointment(
                    BookingRequest(patientID: fixture.patients["Østergaard"]!.id, providerID: provider.id,
                                   start: LocalDateTime(date: Self.friday, time: ClockTime("10:20")!)), by: fixture.receptionist)
                // Booked later: which of two overlapping bookings came second is read from their time-ordered ids.
                fixture.clock.advance(by: 1)
                try fixture.store.bookAppointment(
                    BookingRequest(patientID: fixture.patients["王"]!.id, providerID: provider.id, start: first.start,
                                   acceptingProblems: true, overbookReason: "fever, doctor agreed"), by: fixture.doctor)
            }
        }
        return fixture
    }

    func driver(_ fixture: DeskFixture, _ width: Int, _ height: Int) async throws -> FlowDriver {
        var driver = FlowDriver(fixture: fixture, keymap: ShippedKeymap.default, size: Size(width: width, height: height))
        try await driver.signIn("rosa")
        try await driver.keys("F1")
        return driver
    }

    @Test(arguments: [(200, 60), (120, 32), (80, 24), (40, 12)])
    func sixProvidersAtEverySize(width: Int, height: Int) async throws {
        let fixture = try sixProviders()
        let driver = try await driver(fixture, width, height)
        #expect(driver.state.scheduleColumns.count == 6, "every provider working or on leave today has a column")
        if width >= 80 {
            #expect(driver.text.contains("Dr Amina Haddad"))
        }
        assertSnapshot(driver.screen, named: "book-six-\(width)x\(height)")
    }

    @Test func leaveBreaksAndOverbooksAreInWords() async throws {
        let fixture = try sixProviders()
        var driver = try await driver(fixture, 200, 60)
        #expect(driver.text.contains("leave: conferen"), "\(driver.text)")
        try await driver.keys("right right")  // Dr Kofi Mensah
        try await driver.keys("down")  // 10:20
        #expect(driver.text.contains("overbooked"), "\(driver.text)")
        #expect(driver.text.contains("Østergaard, Søren") && driver.text.contains("王, 小明"), "both patients are on the detail line")
        try await driver.keys("right")  // Dr Lena Vogel
        #expect(driver.text.contains("Dr Lena Vogel: leave: conference") || driver.text.contains("Dr Lena Vogel is on leave"),
                "\(driver.text)")
        try await driver.keys("left left")  // Dr Ines Moreau, lunch at 12:30
        for _ in 0..<8 { try await driver.keys("down") }
        #expect(driver.text.contains("lunch"), "\(driver.text)")
    }

    @Test func theWeekOfOneProvider() async throws {
        let fixture = try sixProviders()
        var driver = try await driver(fixture, 120, 32)
        try await driver.keys("right w")
        assertSnapshot(driver.screen, named: "book-week-120x32")
    }

    @Test func thirtyProvidersScrollSidewaysAPageAtATime() async throws {
        let fixture = try DeskFixture()
        for index in 3...30 {
            let provider = try fixture.store.createProvider(displayName: String(format: "Dr Provider %02d", index), specialty: .generalPractice,
                                                            defaultSlotMinutes: 15, by: fixture.admin)
            try fixture.store.setWeeklySchedule(provider: provider.id, days: (1...5).map {
                WorkingDay(weekday: $0, hours: TimeRange(start: ClockTime("08:00")!, end: ClockTime("18:00")!)!)
            }, by: fixture.admin)
        }
        var driver = try await driver(fixture, 200, 60)
        #expect(driver.state.scheduleColumns.count == 30)
        let header = { (driver: FlowDriver) in driver.screen.textRows.first { $0.contains("Dr ") && $0.contains("›") || $0.contains("‹") } ?? "" }
        #expect(header(driver).contains("›"), "more providers to the right: \(header(driver))")
        for _ in 0..<29 { try await driver.keys("right") }
        #expect(driver.text.contains("Dr Provider 30"))
        #expect(header(driver).contains("‹"), "providers to the left: \(header(driver))")
        try await driver.keys("right")
        #expect(driver.state.message?.isError == true, "no provider beyond the last, said so")
        try await driver.keys("/")
        await driver.type("17")
        #expect(driver.state.scheduleColumns == ["Dr Provider 17"])
    }
}
