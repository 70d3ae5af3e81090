import ClinicCore
import Foundation
import Testing

@Suite("Vital signs")
struct VitalSignRuleTests {
    func read(_ typed: [VitalSign: String]) throws -> VitalSignsReading {
        try VitalSignRules.read(typed).get()
    }

    @Test func valuesAreReadInTheirUnitsAndKeptAsWholeNumbers() throws {
        let reading = try read([.bloodPressure: "120/80", .pulse: "72", .temperature: "37.2", .respiratoryRate: "16",
                                .oxygenSaturation: "98", .weight: "72,5 kg", .height: "1.68 m"])
        #expect(reading.vitals == VitalSigns(systolic: 120, diastolic: 80, pulse: 72, temperatureTenths: 372, respiratoryRate: 16,
                                             oxygenSaturation: 98, weightGrams: 72_500, heightMillimetres: 1_680))
        #expect(reading.flags.isEmpty)
        #expect(try read([.temperature: "98.6 F"]).vitals.temperatureTenths == 370, "Fahrenheit converted")
        #expect(try read([.weight: "154 lb"]).vitals.weightGrams == 69_853)
    }

    @Test func outOfRangeIsFlaggedInWordsNotRefused() throws {
        let reading = try read([.bloodPressure: "182/110", .pulse: "44", .oxygenSaturation: "88", .temperature: "45"])
        #expect(reading.flags[.bloodPressure] == .high && reading.flags[.pulse] == .low && reading.flags[.oxygenSaturation] == .low)
        #expect(reading.flags[.temperature] == .implausible("Temperature 45 °C is outside 30–44 °C: check it."))
        #expect(reading.vitals.temperatureTenths == 450, "kept, to be checked")
    }

    @Test func whatIsNoMeasurementIsRefusedWithTheReason() {
        guard case let .failure(failure) = VitalSignRules.read([.pulse: "fast", .bloodPressure: "80/120", .oxygenSaturation: "101",
                                                                .weight: "70 stone"]) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(failure.message(for: "pulse") == "Pulse “fast” is not a number of /min.")
        #expect(failure.message(for: "bloodPressure") == "Blood pressure 80/120: the diastolic must be below the systolic.")
        #expect(failure.message(for: "oxygenSaturation") == "SpO₂ 101 is over 100 %.")
        #expect(failure.message(for: "weight") == "Weight “70 stone”: “stone” is not a unit for it; use kg.")
    }
}

@Suite("Queue rules")
struct QueueRuleTests {
    let start = Date(timeIntervalSince1970: 1_795_168_800)
    let mine = EntityID<Provider>(UUID())
    let theirs = EntityID<Provider>(UUID())

    func visit(_ minutesAgo: Int, for provider: EntityID<Provider>?, _ priority: QueuePriority = .normal,
               status: QueueStatus = .waiting, station: String? = nil) -> Visit {
        Visit(id: EntityID(UUID()), patientID: EntityID(UUID()), appointmentID: nil, providerID: provider,
              day: CalendarDate(iso: "2026-11-20")!, arrivedAt: start.addingTimeInterval(Double(-60 * minutesAgo)),
              priority: priority, status: status, station: station)
    }

    @Test func callNextIsTheMostUrgentThenTheLongestWaitOfMineAndUnassigned() {
        let longest = visit(50, for: nil)
        let urgent = visit(5, for: mine, .urgent)
        let emergency = visit(1, for: nil, .emergency)
        let someoneElses = visit(90, for: theirs, .emergency)
        let atTheLab = visit(80, for: mine, station: "Lab")
        #expect(QueueRules.next(for: mine, in: [longest, urgent, someoneElses, atTheLab]) == urgent)
        #expect(QueueRules.next(for: mine, in: [longest, urgent, emergency, someoneElses]) == emergency)
        #expect(QueueRules.next(for: mine, in: [longest, visit(10, for: mine)]) == longest)
        #expect(QueueRules.next(for: mine, in: [someoneElses, atTheLab]) == nil)
    }

    @Test func waitsAreAveragedAndTheNextArrivalsWaitIsExpected() {
        var called = visit(30, for: mine, status: .done)
        called.calledAt = called.arrivedAt.addingTimeInterval(20 * 60)
        called.finishedAt = called.calledAt!.addingTimeInterval(12 * 60)
        var other = visit(30, for: mine, status: .called)
        other.calledAt = other.arrivedAt.addingTimeInterval(10 * 60)
        #expect(QueueRules.averageWait([called, other, visit(3, for: mine)]) == 15)
        #expect(QueueRules.averageConsultation([called, other]) == 12)
        #expect(QueueRules.expectedWait(waitingAhead: 3, averageConsultation: 12, slotMinutes: 15) == 36)
        #expect(QueueRules.expectedWait(waitingAhead: 2, averageConsultation: nil, slotMinutes: 15) == 30)
    }

    @Test func aVisitMovesBothWaysWhileOpenButAnEndedOneStaysEnded() {
        let called = FieldState(value: .text("called"), hlc: HLCTimestamp(millis: 100, counter: 0, device: UUID()))
        let uncalled = FieldWrite(value: .text("waiting"), base: .text("called"), hlc: HLCTimestamp(millis: 200, counter: 0, device: UUID()))
        #expect(MergePolicy.wins(table: "visit", field: "status", incoming: uncalled, over: called), "a later un-call wins")
        let done = FieldState(value: .text("done"), hlc: HLCTimestamp(millis: 100, counter: 0, device: UUID()))
        #expect(!MergePolicy.wins(table: "visit", field: "status", incoming: uncalled, over: done), "a finished visit never reopens")
    }
}
