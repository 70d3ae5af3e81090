import ClinicCore
@testable import ClinicStore
import Foundation
import Testing

@Suite("Patient writes")
struct PatientWriteTests {
    @Test func registeringWritesTheRowOneChangePerFieldAndOneAuditEvent() throws {
        let fixture = try StoreFixture()
        var details = try fixture.john()
        details.identifiers = [PatientIdentifier(kind: "National ID", value: "AB 12-34")]
        let before = try fixture.rowCounts()

        let patient = try fixture.store.registerPatient(details, by: fixture.receptionist)

        let after = try fixture.rowCounts()
        #expect(after["patient"] == before["patient"]! + 1)
        #expect(after["patient_identifier"] == before["patient_identifier"]! + 1)
        #expect(after["audit_event"] == before["audit_event"]! + 1)
        #expect(patient.mrn.description == "TST-000001")
        let stored = try #require(try fixture.store.patient(patient.id))
        #expect(stored.details == details)
        #expect(stored.allergyStatus == .notAsked)

        let changes = try fixture.lastChanges()
        let patientFields = changes.filter { $0.table == "patient" }.map { $0.field ?? "" }
        #expect(patientFields == ["address_line", "allergy_note", "allergy_status", "birth_date", "birth_date_estimated", "city", "country",
                                  "created_at", "family_name", "given_name", "mrn", "phone", "postal_code", "region", "sex"])
        let identifierFields = changes.filter { $0.table == "patient_identifier" }.map { $0.field ?? "" }
        #expect(identifierFields == ["created_at", "kind", "patient_id", "value"])
        #expect(changes.allSatisfy { $0.operation == .insert && $0.baseValue == nil })
        #expect(changes.allSatisfy { $0.userID == fixture.receptionist.userID && $0.deviceID == fixture.store.device.id })
        #expect(Set(changes.map(\.hlc)).count == 1, "one write, one clock value")
        #expect(Set(changes.map(\.changeID)).count == changes.count)
        #expect(changes.first { $0.field == "family_name" }?.newValue == .text("Smith"))
        #expect(changes.first { $0.field == "birth_date" }?.newValue == .text("1980-05-02"))

        let audit = try #require(try fixture.store.auditEvents(limit: 1).first)
        #expect(audit.action == "patient.register")
        #expect(audit.actor == "rita")
        #expect(audit.entityID == patient.id.description)
        #expect(audit.summary == "Registered Smith, John (TST-000001)")
        #expect(audit.id == changes[0].transactionID)
    }

    @Test func anInvalidRegistrationLeavesNothingBehind() throws {
        let fixture = try StoreFixture()
        let before = try fixture.rowCounts()
        let clockBefore = try fixture.store.lastClock()
        let details = PatientDetails(familyName: " ", givenName: "John",
                                     birthDate: BirthDate(date: CalendarDate(iso: "2030-01-01")!))
        #expect {
            try fixture.store.registerPatient(details, by: fixture.receptionist)
        } throws: { error in
            guard case let StoreError.invalid(failure) = error else { return false }
            return failure.message(for: .familyName) == "Family name is required."
                && failure.message(for: .birthDate) == "Date of birth 2030-01-01 is in the future."
        }
        #expect(try fixture.rowCounts() == before)
        #expect(try fixture.store.lastClock() == clockBefore, "the clock tick was rolled back too")
        let next = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        #expect(next.mrn.serial == 1, "the failed write did not use up an MRN")
    }

    @Test func aRoleWithoutPermissionChangesNothing() throws {
        let fixture = try StoreFixture()
        let before = try fixture.rowCounts()
        #expect(throws: StoreError.notPermitted(role: .doctor, permission: .registerPatient)) {
            try fixture.store.registerPatient(try fixture.john(), by: fixture.doctor)
        }
        #expect(StoreError.notPermitted(role: .doctor, permission: .registerPatient).description == "A doctor may not register patients.")
        #expect(try fixture.rowCounts() == before)
    }

    @Test func editingWritesOnlyTheChangedFieldsWithTheirBaseValues() throws {
        let fixture = try StoreFixture()
        let base = try fixture.john()
        let patient = try fixture.store.registerPatient(base, by: fixture.receptionist)
        fixture.clock.advance(by: 60)
        var edited = base
        edited.phone = try PhoneNumber(parsing: "07700 900123")
        edited.address.city = "Riverside"

        try fixture.store.editPatient(patient.id, from: base, to: edited, by: fixture.nurse)

        let changes = try fixture.lastChanges()
        #expect(changes.map { $0.field ?? "" } == ["city", "phone"])
        #expect(changes.allSatisfy { $0.operation == .update && $0.table == "patient" && $0.rowID == patient.id.description })
        #expect(changes[0].baseValue == .text("") && changes[0].newValue == .text("Riverside"))
        #expect(changes[1].baseValue == .text("07911123456") && changes[1].newValue == .text("07700900123"))
        #expect(try fixture.count("field_clock", where: "row_id = '\(patient.id)'") == 2)
        let audit = try #require(try fixture.store.auditEvents(limit: 1).first)
        #expect(audit.summary == "Edited Smith, John (TST-000001): city, phone")
        #expect(audit.actor == "nina")
    }

    @Test func anEditNeverRevertsAFieldSomeoneElseChangedMeanwhile() throws {
        let fixture = try StoreFixture()
        let base = try fixture.john()
        let patient = try fixture.store.registerPatient(base, by: fixture.receptionist)
        var first = base
        first.phone = try PhoneNumber(parsing: "07700 900123")
        try fixture.store.editPatient(patient.id, from: base, to: first, by: fixture.nurse)
        var second = base  // loaded before the first edit was saved
        second.givenName = "Jon"
        let saved = try fixture.store.editPatient(patient.id, from: base, to: second, by: fixture.receptionist)
        #expect(saved.details.givenName == "Jon")
        #expect(saved.details.phone?.normalized == "07700900123")
    }

    @Test func anEditThatChangesNothingWritesNothing() throws {
        let fixture = try StoreFixture()
        let base = try fixture.john()
        let patient = try fixture.store.registerPatient(base, by: fixture.receptionist)
        let before = try fixture.rowCounts()
        try fixture.store.editPatient(patient.id, from: base, to: base, by: fixture.receptionist)
        #expect(try fixture.rowCounts() == before)
    }

    @Test func identifiersAreAddedAndRetiredAsRows() throws {
        let fixture = try StoreFixture()
        var base = try fixture.john()
        base.identifiers = [PatientIdentifier(kind: "Passport", value: "X1")]
        let patient = try fixture.store.registerPatient(base, by: fixture.receptionist)
        var edited = base
        edited.identifiers = [PatientIdentifier(kind: "National ID", value: "N9")]
        let saved = try fixture.store.editPatient(patient.id, from: base, to: edited, by: fixture.receptionist)
        #expect(saved.details.identifiers == edited.identifiers)
        #expect(try fixture.count("patient_identifier") == 2)
        #expect(try fixture.count("patient_identifier", where: "deleted_at IS NOT NULL AND value = 'X1'") == 1)
        let operations = try fixture.lastChanges().map(\.operation)
        #expect(operations.contains(.delete) && operations.contains(.insert))
    }

    @Test func deletingIsSoftWithAReasonAndHidesThePatient() throws {
        let fixture = try StoreFixture()
        let patient = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        #expect(throws: StoreError.self) { try fixture.store.deletePatient(patient.id, reason: "  ", by: fixture.admin) }
        try fixture.store.deletePatient(patient.id, reason: "Registered twice by mistake", by: fixture.admin)
        let stored = try #require(try fixture.store.patient(patient.id))
        #expect(stored.deletion?.reason == "Registered twice by mistake")
        #expect(try fixture.count("patient") == 1)
        #expect(try fixture.lastChanges().map { "\($0.operation.rawValue) \($0.field ?? "")" } == ["delete delete_reason", "delete deleted_at"])
        #expect(try fixture.store.searchPatients(text: "smith").isEmpty)
        #expect(throws: StoreError.notFound(what: "patient", id: patient.id.description)) {
            try fixture.store.deletePatient(patient.id, reason: "again", by: fixture.admin)
        }
    }

    @Test func mrnsCountUpPerDevice() throws {
        let fixture = try StoreFixture()
        let first = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let second = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        #expect([first.mrn.description, second.mrn.description] == ["TST-000001", "TST-000002"])
    }

    @Test func theClockPersistsAndStaysMonotonicWhenWallTimeGoesBack() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let first = try fixture.store.lastClock()
        fixture.clock.advance(by: -3_600)
        _ = try fixture.store.registerPatient(try fixture.john(), by: fixture.receptionist)
        let second = try fixture.store.lastClock()
        #expect(second > first)
        let reopened = try ClinicStore.open(at: fixture.path, environment: fixture.store.environment)
        #expect(try reopened.lastClock() == second)
    }
}
