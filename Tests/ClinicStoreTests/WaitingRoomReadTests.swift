import ClinicCore
import Foundation
import GRDB
import Testing

@testable import ClinicStore

/// What the waiting-room board reads: the day's visits with two names, and a plain error
/// (never a hang or a crash) while another process holds the file locked, which the board
/// waits out.
@Suite("Waiting-room read")
struct WaitingRoomReadTests {
    @Test func theDaysVisitsByArrivalWithTheFamilyAndGivenNames() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let smith = try store.registerPatient(
            PatientDetails(familyName: "Smith", givenName: "John"), by: fixture.receptionist)
        let wang = try store.registerPatient(PatientDetails(familyName: "王", givenName: "小明"), by: fixture.receptionist)
        let first = try store.checkInWalkIn(patient: wang.id, by: fixture.receptionist)
        fixture.clock.advance(by: 60)
        let second = try store.checkInWalkIn(patient: smith.id, by: fixture.receptionist)
        try store.callPatient(first.id, room: "Room 3", by: fixture.doctor)
        fixture.clock.advance(by: 86_400)
        try store.markLeft(second.id, by: fixture.receptionist)  // yesterday's visit, changed today: still yesterday's
        let entries = try store.waitingRoom(on: CalendarDate(iso: "2026-11-20")!)
        #expect(entries.map(\.familyName) == ["王", "Smith"])
        #expect(entries.map(\.givenName) == ["小明", "John"])
        #expect(
            entries[0].visit.status == .called && entries[0].visit.room == "Room 3"
                && entries[0].visit.ticket == first.ticket)
        #expect(try store.waitingRoom(on: store.today()).isEmpty)
    }

    @Test func aFileLockedByAnotherProcessIsALockedErrorNotAHangAndOpensOnceReleased() throws {
        let fixture = try StoreFixture()
        try fixture.store.pool.close()
        let holder = try DatabaseQueue(path: fixture.path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "BEGIN EXCLUSIVE; UPDATE clinic SET name = name; COMMIT")
        }
        #expect(throws: StoreError.locked(path: fixture.path)) { try ClinicStore.open(at: fixture.path) }
        try holder.close()
        let store = try ClinicStore.open(at: fixture.path)
        #expect(try store.waitingRoom(on: store.today()).isEmpty)
    }
}
