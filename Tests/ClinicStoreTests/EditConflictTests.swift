import ClinicCore
@testable import ClinicStore
import Foundation
import Testing

/// The local twin of the sync merge rule: an edit carries the values it was opened with, and a
/// field it changes that someone else changed meanwhile stops the save instead of overwriting.
@Suite("Edit conflicts")
struct EditConflictTests {
    /// John registered; the nurse then changes his phone from a form opened after registration.
    func johnWithThePhoneChangedByTheNurse() throws -> (StoreFixture, Patient, PatientDetails) {
        let fixture = try StoreFixture()
        let base = try fixture.john()
        let patient = try fixture.store.registerPatient(base, by: fixture.receptionist)
        fixture.clock.advance(by: 90)
        var nurses = base
        nurses.phone = try PhoneNumber(parsing: "07700 900123")
        try fixture.store.editPatient(patient.id, from: base, to: nurses, by: fixture.nurse)
        return (fixture, patient, base)
    }

    @Test func theSameFieldChangedFromTheSameBaseIsRefusedWithBothValuesWhoAndWhen() throws {
        let (fixture, patient, base) = try johnWithThePhoneChangedByTheNurse()
        let before = try fixture.rowCounts()
        var receptions = base
        receptions.phone = try PhoneNumber(parsing: "07911 555000")
        receptions.address.city = "Leeds"
        #expect {
            try fixture.store.editPatient(patient.id, from: base, to: receptions, by: fixture.receptionist)
        } throws: { error in
            guard case let StoreError.editConflict(conflict) = error else { return false }
            let field = conflict.fields[0]
            return conflict.fields.count == 1 && field.field == .phone && field.base == "07911123456"
                && field.yours == "07911555000" && field.theirs == "07700900123"
                && field.changedBy?.hasSuffix("(nina)") == true
                && field.changedAt == StoreFixture.start.addingTimeInterval(90)
                && conflict.current.details.phone?.normalized == "07700900123"
        }
        #expect(try fixture.rowCounts() == before, "nothing saved, not even the city")
        #expect(try fixture.store.patient(patient.id)?.details.phone?.normalized == "07700900123")
    }

    @Test func theSameNewValueOnBothSidesIsNoConflict() throws {
        let (fixture, patient, base) = try johnWithThePhoneChangedByTheNurse()
        var same = base
        same.phone = try PhoneNumber(parsing: "07700 900123")
        same.givenName = "Jon"
        let saved = try fixture.store.editPatient(patient.id, from: base, to: same, by: fixture.receptionist)
        #expect(saved.details.givenName == "Jon" && saved.details.phone?.normalized == "07700900123")
    }

    @Test func savingAgainFromTheCurrentValuesWritesTheChoice() throws {
        let (fixture, patient, base) = try johnWithThePhoneChangedByTheNurse()
        var mine = base
        mine.phone = try PhoneNumber(parsing: "07911 555000")
        let current = try #require(try fixture.store.patient(patient.id)).details
        let rebased = EditConflicts.rebase(base: base, edited: mine, current: current, takingTheirs: [])
        let saved = try fixture.store.editPatient(patient.id, from: current, to: rebased, by: fixture.receptionist)
        #expect(saved.details.phone?.normalized == "07911555000", "kept knowingly")
        let audit = try #require(try fixture.store.auditEvents(limit: 1).first)
        #expect(audit.actor == "rita" && audit.summary.hasSuffix(": phone"))
    }

    @Test func aChangeThatArrivedByOtherMeansSaysSoWithItsTime() throws {
        let fixture = try StoreFixture()
        let base = try fixture.john()
        let patient = try fixture.store.registerPatient(base, by: fixture.receptionist)
        // Another device changed the phone; the change arrives by sync, with no local audit event.
        try fixture.store.adoptEnrollment(serverURL: "http://server", clinicID: UUID(), clinicName: "Test Clinic",
                                          credential: "x", by: fixture.admin)
        fixture.clock.advance(by: 60)
        let elsewhere = HLCTimestamp(millis: UInt64(fixture.clock.wallClock.now().timeIntervalSince1970 * 1000),
                                     counter: 0, device: UUID())
        let pulled = IncomingChange(
            sequence: 1, originDevice: elsewhere.device, changeID: UUID(), table: "patient", rowID: patient.id.description,
            operation: .update,
            writes: ["phone": FieldWrite(value: .text("07700900999"), base: .text("07911123456"), hlc: elsewhere)])
        try fixture.store.applyPulledChanges([pulled], expectedCursor: 0, nextCursor: 1)
        #expect(try fixture.store.patient(patient.id)?.details.phone?.normalized == "07700900999")
        var mine = base
        mine.phone = try PhoneNumber(parsing: "07911 555000")
        #expect {
            try fixture.store.editPatient(patient.id, from: base, to: mine, by: fixture.receptionist)
        } throws: { error in
            guard case let StoreError.editConflict(conflict) = error else { return false }
            return conflict.fields.first?.changedBy == "another device" && conflict.fields.first?.changedAt == elsewhere.date
        }
    }
}
