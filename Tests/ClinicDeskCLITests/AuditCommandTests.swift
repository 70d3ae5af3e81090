import ClinicCore
import ClinicStore
import Foundation
import Testing

/// `clinicdesk audit verify` after someone edits, deletes or inserts an audit event with the
/// `sqlite3` shell; `clinicdesk audit show` for an admin.
@Suite("clinicdesk audit", .serialized)
struct AuditCommandTests {
    /// A small clinic: an admin, a receptionist and a patient registered by her.
    func clinic() throws -> (CommandRunner, String, Patient) {
        let runner = try CommandRunner()
        let db = runner.path("clinic.sqlite")
        try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        try runner.run(["user", "add", "rosa", "--role", "receptionist", "--as", "ada", "--password-stdin", "--db", db],
                       input: "password-1\nrosa-password\n")
        let store = try ClinicStore.open(at: db)
        let rosa = try #require(try store.users().first { $0.username == "rosa" })
        let patient = try store.registerPatient(PatientDetails(familyName: "Okafor", givenName: "Ada"), by: Author(user: rosa))
        return (runner, db, patient)
    }

    func sqlite(_ runner: CommandRunner, _ db: String, _ sql: String) throws {
        _ = try runner.tool("sqlite3", [db, sql])
    }

    @Test func anUntouchedDatabaseVerifies() throws {
        let (runner, db, _) = try clinic()
        defer { runner.remove() }
        let result = try runner.run(["audit", "verify", "--db", db])
        #expect(result.status == 0, "\(result.error)")
        // init: the clinic and ada; rosa added; the patient; the sign-ins that were refused: none.
        #expect(result.output == "The audit trail verifies: 4 events, each chained to the one before.\n")
    }

    @Test func anEditedEventIsNamedAndTheCommandFails() throws {
        let (runner, db, _) = try clinic()
        defer { runner.remove() }
        try sqlite(runner, db, "UPDATE audit_event SET actor = 'ada' WHERE action = 'patient.register'")
        let result = try runner.run(["audit", "verify", "--db", db])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("Audit event #4 ("), "\(result.error)")
        #expect(result.error.contains("patient.register by ada"))
        #expect(result.error.contains("was changed: its content does not match its hash.\n3 events before it verified.\n"))
    }

    @Test func aDeletedEventIsNamedAndTheCommandFails() throws {
        let (runner, db, _) = try clinic()
        defer { runner.remove() }
        try sqlite(runner, db, "DELETE FROM audit_event WHERE action = 'user.create' AND actor != 'system:init'")
        let result = try runner.run(["audit", "verify", "--db", db])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("Audit event #3 was removed (it came after #2 ("), "\(result.error)")
        #expect(result.error.contains("and before #4 ("))
    }

    @Test func anInsertedEventIsNamedAndTheCommandFails() throws {
        let (runner, db, patient) = try clinic()
        defer { runner.remove() }
        try sqlite(runner, db, """
            INSERT INTO audit_event (id, at, device_id, actor, action, entity_table, entity_id, patient_id, summary)
            SELECT 'forged', '2026-11-01T09:00:00.000Z', device_id, 'rosa', 'patient.read', 'patient', '\(patient.id)', '\(patient.id)', 'x'
            FROM local_device
            """)
        let result = try runner.run(["audit", "verify", "--db", db])
        #expect(result.status == 1)
        #expect(result.error.contains("patient.read by rosa, id forged) was inserted: it is not part of this device's chain."),
                "\(result.error)")
    }

    @Test func anAdminSeesWhoChangedWhatAndOthersMayNot() throws {
        let (runner, db, patient) = try clinic()
        defer { runner.remove() }
        let shown = try runner.run(["audit", "show", "--patient", patient.mrn.description, "--csv", "--as", "ada", "--password-stdin",
                                    "--db", db], input: "password-1\n")
        #expect(shown.status == 0, "\(shown.error)")
        let lines = shown.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "time,user,action,patient,device,summary")
        #expect(lines.count == 2)
        #expect(lines.last?.contains(",rosa,patient.register,\"Okafor, Ada (\(patient.mrn))\",") == true, "\(shown.output)")
        let byUser = try runner.run(["audit", "show", "--user", "ada", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(byUser.output.contains("  ada  user.create  ["), "\(byUser.output)")
        #expect(!byUser.output.contains("patient.register"))
        let refused = try runner.run(["audit", "show", "--as", "rosa", "--password-stdin", "--db", db], input: "rosa-password\n")
        #expect(refused.status != 0)
        #expect(refused.error == "Error: A receptionist may not read the audit trail.\n")
        let badDay = try runner.run(["audit", "show", "--from", "yesterday", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(badDay.error == "Error: --from “yesterday” is not a date; write YYYY-MM-DD.\n")
    }
}
