import ClinicCore
import Foundation
import Testing

/// The reports' arithmetic, against figures worked out by hand.
struct ReportsTests {
    @Test func percentilesAreByNearestRank() {
        #expect(Reports.percentile([], 50) == nil)
        #expect(Reports.percentile([7], 90) == 7)
        #expect(Reports.percentile([5, 1, 3, 2, 4], 50) == 3)
        #expect(Reports.percentile([10, 20], 50) == 10 && Reports.percentile([10, 20], 90) == 20)
        #expect(Reports.percentile(Array(1...10), 90) == 9 && Reports.percentile(Array(1...10), 100) == 10)
    }

    @Test func theNoShowRateIsOfThoseDueAndRounded() {
        let lines = Reports.noShows([("Dr B", .completed, 5), ("Dr B", .noShow, 2), ("Dr A", .noShow, 1), ("Dr A", .checkedIn, 2),
                                     ("Dr A", .cancelled, 4), ("Dr A", .confirmed, 3)])
        #expect(lines.map(\.provider) == ["Dr A", "Dr B", "All providers"])
        #expect(Reports.percent(lines[0].rateBasisPoints) == "33.3%" && lines[0].cancelled == 4 && lines[0].unmarked == 3)
        #expect(Reports.percent(lines[1].rateBasisPoints) == "28.6%", "2 of 7 = 2857 bp, rounded")
        #expect(lines[2].kept == 7 && lines[2].noShows == 3 && Reports.percent(lines[2].rateBasisPoints) == "30.0%")
        #expect(Reports.noShows([("Dr C", .cancelled, 2)]).first?.rateBasisPoints == nil, "nothing due, no rate")
    }

    @Test func workingMinutesLeaveOutBreaksAndLeaveCountingOverlapsOnce() {
        let provider = Provider(id: EntityID(UUID()), displayName: "Dr A", specialty: .generalPractice, defaultSlotMinutes: 15)
        let template = ScheduleTemplate(
            id: EntityID(UUID()), providerID: provider.id, weekday: 1, hours: TimeRange(start: ClockTime("08:00")!, end: ClockTime("17:00")!)!,
            breaks: [ScheduleBreak(range: TimeRange(start: ClockTime("12:30")!, end: ClockTime("13:30")!)!, label: "lunch")])
        let monday = CalendarDate(iso: "2026-11-23")!
        // Leave 13:00–15:00 overlaps lunch by 30 minutes: 540 − 60 − 120 + 30 = 390.
        let leave = ScheduleException(id: EntityID(UUID()), providerID: provider.id, kind: .leave, firstDay: monday, lastDay: monday,
                                      reason: "Dentist", hours: TimeRange(start: ClockTime("13:00")!, end: ClockTime("15:00")!))
        let day = ProviderDay(provider: provider, templates: [template], exceptions: [leave], appointments: [])
        #expect(Reports.availableMinutes(day, on: monday) == 390)
        #expect(Reports.availableMinutes(day, on: monday.adding(days: 7)) == 480, "a week later, without the leave")
        #expect(Reports.availableMinutes(day, on: monday.adding(days: 1)) == 0, "no hours on Tuesdays")
        let lines = Reports.utilisation([day], from: monday, to: monday.adding(days: 7), booked: [provider.id: 435])
        #expect(lines == [Reports.UtilisationLine(provider: "Dr A", bookedMinutes: 435, availableMinutes: 870)])
        #expect(Reports.percent(lines[0].basisPoints) == "50.0%")
    }

    @Test func waitingTimesAreGroupedByProviderAndDay() {
        let monday = CalendarDate(iso: "2026-11-23")!
        let lines = Reports.waitingTimes([
            .init(provider: "Dr B", day: monday, waited: 30, seen: 10),
            .init(provider: "Dr A", day: monday, waited: 5, seen: nil),
            .init(provider: "Dr A", day: monday, waited: 15, seen: 20),
            .init(provider: "Dr A", day: monday, waited: 25, seen: 30),
            .init(provider: "Dr A", day: monday.adding(days: 1), waited: nil, seen: nil),
        ])
        #expect(lines.map { "\($0.day) \($0.provider) \($0.visits)" } == ["2026-11-23 Dr A 3", "2026-11-23 Dr B 1", "2026-11-24 Dr A 1"])
        #expect(lines[0].waitedMedian == 15 && lines[0].waitedP90 == 25 && lines[0].seenMedian == 20 && lines[0].seenP90 == 30)
        #expect(lines[2].waitedMedian == nil, "nobody called yet")
    }
}
