import ClinicCore
import ClinicStore
import ClinicSync
import ClinicServerTesting
import Foundation
import SyncProtocol
import Testing

extension SyncSuite {
    /// A device's audit trail goes to the server after each sync; a trail rewritten on the
    /// device and sent again is refused by the server, which holds the chain as it was.
    @Suite("Audit trail sync", .serialized)
    struct AuditSyncTests {
        @Test func theTrailIsSentAndARewriteIsRefusedByTheServer() async throws {
            try await SyncWorld.run { world in
                let device = try await world.device("desk-1", clinic: "Riverside")
                _ = try device.store.registerPatient(PatientDetails(familyName: "Okafor", givenName: "Ada"), by: device.receptionist)
                #expect(try !device.store.auditEventsToSend(limit: 500).isEmpty)
                await device.sync()
                #expect(try device.store.auditEventsToSend(limit: 500).isEmpty, "the server holds the whole trail")

                _ = try device.store.registerPatient(PatientDetails(familyName: "Mensah", givenName: "Kofi"), by: device.receptionist)
                await device.sync()
                #expect(try device.store.auditEventsToSend(limit: 500).isEmpty, "and each new event after the next sync")

                // Someone edits an event the server already has, and makes the device send the trail again.
                let shell = Process()
                shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
                shell.arguments = [device.store.path, "UPDATE audit_event SET summary = 'nothing' WHERE action = 'patient.register'; "
                                   + "UPDATE sync_state SET audit_sent_seq = 0;"]
                try shell.run()
                shell.waitUntilExit()
                #expect(shell.terminationStatus == 0)
                let failure = await device.runner.syncOnce()
                #expect(failure?.description.contains("audit_chain_broken") == true, "\(failure?.description ?? "no failure")")
            }
        }
    }
}
