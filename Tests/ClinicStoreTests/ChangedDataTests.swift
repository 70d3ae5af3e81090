import ClinicCore
import Foundation
import Testing

@testable import ClinicStore

/// What a terminal learns another commit changed: a check-in is the queue's business, not the
/// book's; sync's bookkeeping is sync's; a write that cannot say is everything.
@Suite("What other commits changed")
struct ChangedDataTests {
    /// The store's change stream over commits this test announces itself, one per write.
    final class Watch {
        let commit: AsyncStream<Void>.Continuation
        var changes: AsyncStream<ChangedData>.Iterator

        init(_ store: ClinicStore) throws {
            let (commits, commit) = AsyncStream<Void>.makeStream()
            self.commit = commit
            changes = try store.dataChanges(commits).makeAsyncIterator()
        }

        /// What the last write changed, as the next terminal wake-up reads it.
        func next() async -> ChangedData? {
            commit.yield()
            return await changes.next()
        }
    }

    @Test func aWalkInCheckInChangesTheQueueAndNotTheBook() async throws {
        let fixture = try StoreFixture()
        let watch = try Watch(fixture.store)
        let patient = try fixture.store.registerPatient(PatientDetails(familyName: "Queue", givenName: "Ana"), by: fixture.receptionist)
        let registered = await watch.next()
        #expect(registered?.touches([.patients]) == true)
        #expect(registered?.touches([.visits, .appointments, .providers]) == false, "\(String(describing: registered))")

        _ = try fixture.store.checkInWalkIn(patient: patient.id, by: fixture.receptionist)
        let checkedIn = await watch.next()
        #expect(checkedIn?.touches([.visits]) == true)
        #expect(checkedIn?.touches([.appointments, .providers, .prescriptions, .waitlist, .stations, .users]) == false,
                "\(String(describing: checkedIn))")
    }

    @Test func aNewStationIsStationsOnly() async throws {
        let fixture = try StoreFixture()
        let watch = try Watch(fixture.store)
        _ = try fixture.store.createStation(name: "Lab 2", kind: .lab, by: fixture.admin)
        let created = await watch.next()
        #expect(created?.touches([.stations]) == true)
        #expect(created?.touches([.visits, .patients, .providers, .users]) == false, "\(String(describing: created))")
    }

    @Test func syncBookkeepingIsSyncOnly() async throws {
        let fixture = try StoreFixture()
        let watch = try Watch(fixture.store)
        try fixture.store.recordSyncAttempt(error: "the server did not answer")
        #expect(await watch.next() == ChangedData([.sync]))
    }

    @Test func aPulledAppointmentChangesTheBookAndSync() async throws {
        let fixture = try StoreFixture()
        let patient = try fixture.store.registerPatient(PatientDetails(familyName: "Pull", givenName: "Ben"), by: fixture.receptionist)
        let provider = try fixture.store.createProvider(displayName: "Dr Pull", specialty: .generalPractice, defaultSlotMinutes: 15, by: fixture.admin)
        let watch = try Watch(fixture.store)
        let values: [String: FieldValue] = [
            "patient_id": .text(patient.id.description), "provider_id": .text(provider.id.description),
            "start_date": .text("2026-11-23"), "start_minute": .integer(600), "minutes": .integer(15), "kind": .text("new"),
            "mode": .text("in-person"), "status": .text("booked"), "reason": .text(""),
            "created_at": .text(ISOInstant.format(fixture.clock.wallClock.now())),
        ]
        let elsewhere = UUID()
        let hlc = HLCTimestamp(millis: fixture.clock.wallClock.millisecondsSinceEpoch() + 1, counter: 0, device: elsewhere)
        try fixture.store.applyPulledChanges([
            IncomingChange(sequence: 1, originDevice: elsewhere, changeID: UUID(), table: "appointment",
                           rowID: UUID().uuidString.lowercased(), operation: .insert,
                           writes: values.mapValues { FieldWrite(value: $0, base: nil, hlc: hlc) })
        ], expectedCursor: 0, nextCursor: 1)
        #expect(await watch.next() == ChangedData([.appointments, .sync]))
    }

    @Test func tablesWithoutAKindOrNoneAtAllMeanEverything() {
        #expect(TableVersions.changes(from: ["visit": 1], to: ["visit": 2]) == ChangedData([.visits]))
        #expect(TableVersions.changes(from: ["visit": 1], to: ["visit": 2, "clinic": 1]) == .everything)
        #expect(TableVersions.changes(from: [:], to: [TableVersions.unknown: 1]) == .everything)
        #expect(TableVersions.changes(from: ["visit": 1], to: ["visit": 1]) == .everything, "a commit that bumped nothing may be anything")
        #expect(ChangedData.everything.touches([.audit]))
    }
}
