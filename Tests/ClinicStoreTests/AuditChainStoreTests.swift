import ClinicCore
import Foundation
import GRDB
import Testing

@testable import ClinicStore

/// Every write's audit event joins this device's chain; an event edited, deleted or inserted
/// behind the store's back is named by ``ClinicStore/verifyAuditChain()``.
@Suite("Audit chain in the store")
struct AuditChainStoreTests {
    /// A clinic with a few writes: users, a patient, an edit.
    func clinic() throws -> (StoreFixture, Patient) {
        let fixture = try StoreFixture()
        let patient = try fixture.store.registerPatient(PatientDetails(familyName: "Okafor", givenName: "Ada"), by: fixture.receptionist)
        return (fixture, patient)
    }

    func events(_ fixture: StoreFixture) throws -> [Row] {
        try fixture.store.pool.read { db in try Row.fetchAll(db, sql: "SELECT id, chain_seq, action FROM audit_event ORDER BY chain_seq") }
    }

    @Test func everyEventIsNumberedInOrderAndTheChainVerifies() throws {
        let (fixture, _) = try clinic()
        let rows = try events(fixture)
        #expect(rows.map { $0["chain_seq"] as Int64 } == Array(1...Int64(rows.count)))
        #expect(rows.last?["action"] == "patient.register")
        #expect(try fixture.store.verifyAuditChain() == AuditChainReport(checked: rows.count, problem: nil))
    }

    @Test func anEditedEventIsNamed() throws {
        let (fixture, _) = try clinic()
        let target = try events(fixture)[2]
        try fixture.store.pool.write { db in
            try db.execute(sql: "UPDATE audit_event SET actor = 'someone-else' WHERE id = ?", arguments: [target["id"] as String])
        }
        let problem = try #require(try fixture.store.verifyAuditChain().problem)
        guard case let .changed(link) = problem else { Issue.record("\(problem)"); return }
        #expect(link.id == target["id"])
        #expect(link.seq == 3)
    }

    @Test func aDeletedEventIsNamedByItsNumber() throws {
        let (fixture, _) = try clinic()
        try fixture.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_event WHERE chain_seq = 2") }
        #expect(try fixture.store.verifyAuditChain().problem.map { if case .removed(2, _, _) = $0 { true } else { false } } == true)
        // The newest, too: the device kept its number.
        let (other, _) = try clinic()
        try other.store.pool.write { db in try db.execute(sql: "DELETE FROM audit_event WHERE chain_seq = (SELECT max(chain_seq) FROM audit_event)") }
        #expect(try other.store.verifyAuditChain().problem?.description.hasSuffix("and was among the newest).") == true)
    }

    @Test func anInsertedEventIsNamed() throws {
        let (fixture, patient) = try clinic()
        try fixture.store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO audit_event (id, at, device_id, actor, action, entity_table, entity_id, patient_id, summary)
                SELECT 'forged-event', '2026-11-20T09:00:00.000Z', device_id, 'dan', 'patient.read', 'patient', ?, ?, 'Looked'
                FROM local_device
                """, arguments: [patient.id.description, patient.id.description])
        }
        let problem = try #require(try fixture.store.verifyAuditChain().problem)
        #expect(problem.description.hasPrefix("Audit event unnumbered event (2026-11-20T09:00:00.000Z, patient.read by dan, id forged-event) was inserted"))
    }

    @Test func anEventPlantedUnderAnotherDevicesNameIsNamedToo() throws {
        let (fixture, patient) = try clinic()
        try fixture.store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO audit_event (id, at, device_id, actor, action, entity_table, entity_id, patient_id, summary, chain_seq, chain_hash)
                VALUES ('planted', '2026-11-20T09:00:00.000Z', '0190d8a2-0000-7000-8000-000000000000', 'dan', 'patient.read',
                        'patient', ?, ?, 'Looked', 1, 'x')
                """, arguments: [patient.id.description, patient.id.description])
        }
        #expect(try fixture.store.verifyAuditChain().problem?.description.contains("id planted) was inserted") == true)
    }

    @Test func writesAfterAnotherProcessWroteContinueItsChain() throws {
        let (fixture, patient) = try clinic()
        let other = try ClinicStore.open(at: fixture.path, environment: fixture.store.environment)
        try other.recordNoKnownAllergies(patient: patient.id, by: fixture.doctor)
        _ = try fixture.store.registerPatient(PatientDetails(familyName: "Mensah", givenName: "Kofi"), by: fixture.receptionist)
        #expect(try fixture.store.verifyAuditChain().problem == nil)
    }

    @Test func theTrailFiltersByPatientUserAndTime() throws {
        let (fixture, patient) = try clinic()
        try fixture.store.recordNoKnownAllergies(patient: patient.id, by: fixture.doctor)
        let about = try fixture.store.auditTrail(AuditQuery(patientID: patient.id))
        #expect(about.map(\.event.action) == ["patient.register", "allergy.no-known"])
        #expect(about.allSatisfy { $0.patientMRN == patient.mrn.description && $0.patientName == "Okafor, Ada" && $0.device == "desk-1" })
        #expect(try fixture.store.auditTrail(AuditQuery(actor: "dan")).map(\.event.actor) == ["dan"])
        #expect(try fixture.store.auditTrail(AuditQuery(from: StoreFixture.start.addingTimeInterval(60))).isEmpty)
        #expect(try fixture.store.auditTrail(AuditQuery(to: StoreFixture.start)).isEmpty)
    }
}
