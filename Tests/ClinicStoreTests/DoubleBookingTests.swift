import ClinicCore
import Foundation
import GRDB
import Testing

@testable import ClinicStore

/// Double bookings that arrive by sync: the pull records them as conflicts, the book shows
/// the clash, and the write that ends a clash settles its conflict.
@Suite("Double bookings")
struct DoubleBookingTests {
    /// A clinic with two providers and two patients, enrolled, receiving another device's changes by hand.
    final class Desk {
        let fixture = try! StoreFixture()
        let haddad: Provider
        let wang: Provider
        let smith: Patient
        let okafor: Patient
        let elsewhere = UUID()
        private var cursor: Int64 = 0
        static let monday = CalendarDate(iso: "2026-11-23")!

        init() throws {
            haddad = try fixture.provider("Dr Haddad")
            wang = try fixture.provider("Dr Wang")
            smith = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
            okafor = try fixture.store.registerPatient(
                PatientDetails(familyName: "Okafor", givenName: "Ada"), by: fixture.receptionist)
            try fixture.store.adoptEnrollment(
                serverURL: "http://server", clinicID: UUID(), clinicName: "Test Clinic",
                credential: "x", by: fixture.admin)
        }

        var store: ClinicStore { fixture.store }

        func book(_ patient: Patient, with provider: Provider, at time: String) throws -> Appointment {
            try store.bookAppointment(
                BookingRequest(
                    patientID: patient.id, providerID: provider.id,
                    start: StoreFixture.at("2026-11-23", time)), by: fixture.receptionist)
        }

        /// The other device's clock a little after this one's, as its changes arrive.
        private func stamp() -> HLCTimestamp {
            fixture.clock.advance(by: 1)
            return HLCTimestamp(
                millis: UInt64(fixture.clock.wallClock.now().timeIntervalSince1970 * 1000), counter: 0,
                device: elsewhere)
        }

        private func pull(_ changes: [IncomingChange]) throws -> PullSummary {
            let next = cursor + Int64(changes.count)
            defer { cursor = next }
            return try store.applyPulledChanges(changes, expectedCursor: cursor, nextCursor: next)
        }

        /// Pulls an appointment the other device booked offline (15 minutes on Monday 23 November).
        @discardableResult
        func pullBooking(_ patient: Patient, with provider: Provider, at time: String) throws -> EntityID<Appointment> {
            let id = EntityID<Appointment>(UUIDv7Generator(clock: fixture.clock.wallClock, entropy: .system).next())
            let hlc = stamp()
            let values: [String: FieldValue] = [
                "patient_id": .text(patient.id.description), "provider_id": .text(provider.id.description),
                "start_date": .text("2026-11-23"), "start_minute": .integer(Int64(ClockTime(time)!.minuteOfDay)),
                "minutes": .integer(15), "kind": .text("new"), "mode": .text("in-person"), "status": .text("booked"),
                "reason": .text(""), "created_at": .text(ISOInstant.format(fixture.clock.wallClock.now())),
            ]
            try pull([
                IncomingChange(
                    sequence: cursor + 1, originDevice: elsewhere, changeID: UUID(), table: "appointment",
                    rowID: id.description, operation: .insert,
                    writes: values.mapValues { FieldWrite(value: $0, base: nil, hlc: hlc) })
            ])
            return id
        }

        /// Pulls the other device's edit of one field of an appointment.
        @discardableResult
        func pullEdit(_ id: EntityID<Appointment>, _ field: String, to value: FieldValue, from base: FieldValue) throws
            -> PullSummary
        {
            try pull([
                IncomingChange(
                    sequence: cursor + 1, originDevice: elsewhere, changeID: UUID(), table: "appointment",
                    rowID: id.description, operation: .update,
                    writes: [field: FieldWrite(value: value, base: base, hlc: stamp())])
            ])
        }

        var doubleBookings: [SyncConflict] {
            get throws { try store.openConflicts().filter { $0.kind == .doubleBooking } }
        }

        /// The settled conflict's who and why, straight from the table.
        func settlement(of conflict: UUID) throws -> (by: String?, why: String?) {
            try store.pool.read { db in
                let row = try Row.fetchOne(
                    db, sql: "SELECT resolved_by, resolution FROM sync_conflict WHERE id = ?",
                    arguments: [conflict.lowercased])
                return (row?["resolved_by"], row?["resolution"])
            }
        }

        func bookClashes() throws -> [BookingClash] {
            BookingClash.all(in: try store.schedule(on: Self.monday).map(\.appointment))
        }
    }

    @Test func anotherDevicesBookingOfTheSameSlotIsKeptAndShownAsAClash() throws {
        let desk = try Desk()
        let mine = try desk.book(desk.smith, with: desk.haddad, at: "09:00")
        let theirs = try desk.pullBooking(desk.okafor, with: desk.haddad, at: "09:00")
        #expect(try desk.store.schedule(on: Desk.monday).count == 2, "both appointments exist")
        let conflict = try #require(try desk.doubleBookings.first)
        #expect(try desk.doubleBookings.count == 1)
        #expect(conflict.field == "provider_id" && conflict.rowID == theirs.description)
        #expect(conflict.localValue == .text("2026-11-23 09:00 (15 min) Smith, John with Dr Haddad"))
        #expect(conflict.remoteValue == .text("2026-11-23 09:00 (15 min) Okafor, Ada with Dr Haddad"))
        // The earlier of a pair is the lower id (time-ordered where each was made), whichever device pulled.
        let (earlier, later) = mine.id < theirs ? (mine.id, theirs) : (theirs, mine.id)
        let clash = BookingClash(earlier: earlier, later: later, kind: .provider)
        #expect(
            try desk.store.openBookingClashes(on: Desk.monday) == [
                OpenBookingClash(id: conflict.id, clash: clash, detectedAt: conflict.detectedAt)
            ])
        #expect(try desk.bookClashes() == [clash])
        #expect(try desk.store.syncStatus().openConflicts == 1, "the status line counts it")
    }

    @Test func theSamePatientBookedWithTwoProvidersAtOnceIsAClashToo() throws {
        let desk = try Desk()
        let mine = try desk.book(desk.smith, with: desk.haddad, at: "11:00")
        let theirs = try desk.pullBooking(desk.smith, with: desk.wang, at: "11:00")
        #expect(try desk.doubleBookings.map(\.field) == ["patient_id"])
        // Which is "earlier" goes by id (time-ordered at creation on each device), not by who pulled.
        let open = try desk.store.openBookingClashes(on: Desk.monday).map(\.clash)
        #expect(open.map { Set([$0.earlier, $0.later]) } == [Set([mine.id, theirs])])
        #expect(open.map(\.kind) == [.patient])
        try desk.pullBooking(desk.okafor, with: desk.wang, at: "14:00")
        #expect(try desk.doubleBookings.count == 1, "an appointment clashing with nothing adds nothing")
    }

    @Test func laterEditsOfAClashingPairAddNoSecondConflict() throws {
        let desk = try Desk()
        let mine = try desk.book(desk.smith, with: desk.haddad, at: "09:00")
        let theirs = try desk.pullBooking(desk.okafor, with: desk.haddad, at: "09:00")
        let summary = try desk.pullEdit(theirs, "reason", to: .text("Knee pain"), from: .text(""))
        #expect(summary.conflicts == 0)
        try desk.pullEdit(theirs, "status", to: .text("confirmed"), from: .text("booked"))
        try desk.store.changeAppointmentStatus(mine.id, .confirm, by: desk.fixture.receptionist)
        #expect(try desk.doubleBookings.count == 1, "still one clash, still one conflict")
    }

    @Test func movingOneApartSettlesTheConflictInTheSameWrite() throws {
        let desk = try Desk()
        let mine = try desk.book(desk.smith, with: desk.haddad, at: "09:00")
        try desk.pullBooking(desk.okafor, with: desk.haddad, at: "09:00")
        let conflict = try #require(try desk.doubleBookings.first)
        try desk.store.moveAppointment(
            mine.id, to: StoreFixture.at("2026-11-23", "09:30"), by: desk.fixture.receptionist)
        #expect(
            try desk.doubleBookings.isEmpty && desk.store.openBookingClashes(on: Desk.monday).isEmpty
                && desk.bookClashes().isEmpty)
        let why =
            "Settled the double booking with 2026-11-23 09:00 (15 min) Okafor, Ada with Dr Haddad: "
            + "Smith, John's appointment is now 2026-11-23 09:30 with Dr Haddad; they no longer overlap."
        let settled = try desk.settlement(of: conflict.id)
        #expect(settled.by == "rita" && settled.why == why)
        let audit = try #require(try desk.store.auditEvents(limit: 1).first)
        #expect(
            audit.action == "appointment.move"
                && audit.summary == "Moved from 2026-11-23 09:00 with Dr Haddad to 2026-11-23 09:30 with Dr Haddad. "
                    + why
        )
    }

    @Test func cancellingOneOrRecordingANoShowSettlesIt() throws {
        let desk = try Desk()
        _ = try desk.book(desk.smith, with: desk.haddad, at: "11:00")
        let theirs = try desk.pullBooking(desk.smith, with: desk.wang, at: "11:00")
        let patientClash = try #require(try desk.doubleBookings.first)
        try desk.store.changeAppointmentStatus(theirs, .cancel(reason: "Booked twice"), by: desk.fixture.receptionist)
        #expect(
            try desk.settlement(of: patientClash.id).why
                == "Settled the double booking with 2026-11-23 11:00 (15 min) Smith, John with Dr Haddad: Smith, John's appointment was cancelled (Booked twice)."
        )

        let early = try desk.store.bookAppointment(
            BookingRequest(
                patientID: desk.okafor.id, providerID: desk.haddad.id,
                start: StoreFixture.at("2026-11-20", "11:00")), by: desk.fixture.receptionist)
        let elsewhere = try desk.pullBooking(desk.smith, with: desk.haddad, at: "09:00")
        try desk.pullEdit(elsewhere, "start_date", to: .text("2026-11-20"), from: .text("2026-11-23"))
        try desk.pullEdit(elsewhere, "start_minute", to: .integer(660), from: .integer(540))
        let providerClash = try #require(try desk.doubleBookings.first)
        #expect(
            providerClash.rowID == elsewhere.description && providerClash.field == "provider_id",
            "moved onto a taken slot by the other device")
        desk.fixture.clock.advance(by: 2 * 3_600)
        try desk.store.changeAppointmentStatus(early.id, .markNoShow, by: desk.fixture.receptionist)
        #expect(try desk.doubleBookings.isEmpty)
        #expect(
            try desk.settlement(of: providerClash.id).why?.hasSuffix(": Okafor, Ada did not come (no-show).") == true)
    }

    @Test func theOtherDeviceMovingItsBookingAwaySettlesItHereToo() throws {
        let desk = try Desk()
        _ = try desk.book(desk.smith, with: desk.haddad, at: "09:00")
        let theirs = try desk.pullBooking(desk.okafor, with: desk.haddad, at: "09:00")
        let conflict = try #require(try desk.doubleBookings.first)
        let summary = try desk.pullEdit(theirs, "start_minute", to: .integer(600), from: .integer(540))
        #expect(summary.settled == 1 && summary.conflicts == 0)
        #expect(try desk.doubleBookings.isEmpty && desk.bookClashes().isEmpty)
        #expect(try desk.settlement(of: conflict.id).by == "system:sync")
        #expect(try desk.store.auditEvents(limit: 1).first?.summary.hasSuffix("; 1 double booking settled") == true)
        // Moved back onto the taken slot: a new clash, so a new conflict.
        #expect(try desk.pullEdit(theirs, "start_minute", to: .integer(540), from: .integer(600)).conflicts == 1)
        #expect(try desk.doubleBookings.count == 1)
    }

    @Test func aPairSettledByAPersonIsNotFlaggedAgainByLaterEdits() throws {
        let desk = try Desk()
        _ = try desk.book(desk.smith, with: desk.haddad, at: "09:00")
        let theirs = try desk.pullBooking(desk.okafor, with: desk.haddad, at: "09:00")
        let conflict = try #require(try desk.doubleBookings.first)
        try desk.store.resolveConflict(conflict.id, keeping: .keepShown, by: desk.fixture.doctor)
        try desk.pullEdit(theirs, "reason", to: .text("Seen together"), from: .text(""))
        #expect(try desk.doubleBookings.isEmpty, "the doctor has seen both")
    }

    @Test func conflictsRecordedBeforePairsFindTheirOtherAppointment() throws {
        let desk = try Desk()
        let other = try desk.book(desk.okafor, with: desk.haddad, at: "09:00")
        let mine = try desk.book(desk.smith, with: desk.haddad, at: "10:00")
        let theirs = try desk.pullBooking(desk.smith, with: desk.haddad, at: "09:00")
        try desk.store.pool.write { db in
            // As the earlier version recorded them: no other appointment, the field start_minute.
            try db.execute(sql: "DELETE FROM sync_conflict")
            for (id, row) in [
                ("00000000-0000-7000-8000-000000000001", theirs.description),
                ("00000000-0000-7000-8000-000000000002", mine.id.description),
            ] {
                try db.execute(
                    sql: """
                        INSERT INTO sync_conflict (id, kind, table_name, row_id, field, local_value, local_hlc, remote_value, remote_hlc,
                          shown_value, detected_at)
                        VALUES (?, 'double-booking', 'appointment', ?, 'start_minute', ?, (SELECT hlc FROM appointment LIMIT 1), '540',
                          (SELECT hlc FROM appointment LIMIT 1), '540', '2026-11-20T10:00:00.000Z')
                        """, arguments: [id, row, "\"appointment 2026-11-23 09:00 of Okafor, Ada\""])
            }
            for statement in DoubleBookingSchema.statements.suffix(2) { try db.execute(sql: statement) }
        }
        let open = try desk.doubleBookings
        #expect(open.map(\.rowID) == [theirs.description] && open.map(\.field) == ["provider_id"])
        let clashes = try desk.store.openBookingClashes(on: Desk.monday).map(\.clash)
        #expect(clashes.map { Set([$0.earlier, $0.later]) } == [Set([other.id, theirs])] && clashes.map(\.kind) == [.provider])
        #expect(
            try desk.settlement(of: UUID(uuidString: "00000000-0000-7000-8000-000000000002")!).by == "system:upgrade",
            "the 10:00 appointment overlaps nothing: settled")
    }
}
