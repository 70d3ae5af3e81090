import ClinicCore
import ClinicDemo
import ClinicStore
import ClinicSync
import ClinicServerTesting
import SyncProtocol
import Foundation
import PasswordHashing
import Testing

extension SyncSuite {
    @Suite("Sync round trips", .serialized)
    struct RoundTripTests {
        @Test func aClinicUsedOfflineSendsEverythingOnItsFirstSync() async throws {
            try await SyncWorld.run { world in
                let path = world.folder.appendingPathComponent("demo.sqlite").path
                _ = try DemoClinic(options: .init(patients: 300, seed: 7, timeZone: .gmt), hasher: Argon2idHasher.fastForTests()).build(at: path)
                let store = try ClinicStore.open(at: path)
                let patientsBefore = try store.searchPatients(text: "#RFC-000300").count
                let pending = try store.pendingChangeCount()
                #expect(pending > 300)
                let runner = SyncRunner(store: store, transport: HTTPSyncTransport())
                let response = try await runner.enroll(server: world.url, code: try await world.server.enrollmentCode(forClinic: "Riverside"))
                #expect(try store.clinic().id.uuid == response.clinicID, "the database adopted the server's clinic")
                #expect(try store.clinic().name == "Riverside")
                #expect(await runner.syncOnce() == nil)
                #expect(try store.pendingChangeCount() == 0)
                #expect(try store.searchPatients(text: "#RFC-000300").count == patientsBefore)
                let comparison = try await runner.compareWithServer()
                #expect(comparison.local == comparison.server)
                #expect(comparison.fields > 300 * 8)

                // A second device of the clinic receives all of it.
                let other = try await world.device("desk-2", clinic: "Riverside")
                await other.sync()
                #expect(try await other.matchesServer())
                #expect(try other.store.searchPatients(text: "#RFC-000300").count == 1)
                #expect(try other.store.providers().count == 6)
            }
        }

        @Test func twoDevicesOfOneClinicSeeEachOthersWorkAndAnotherClinicSeesNothing() async throws {
            try await SyncWorld.run { world in
                let a = try await world.device("a", clinic: "Riverside")
                let b = try await world.device("b", clinic: "Riverside")
                let c = try await world.device("c", clinic: "Hillview")
                let provider = try a.store.createProvider(displayName: "Dr Haddad", specialty: .generalPractice, defaultSlotMinutes: 15,
                                                          by: .system("test"))
                let smith = try a.register("Smith", "John", born: "1980-05-02", phone: "07911 123456")
                let booked = try a.store.bookAppointment(
                    BookingRequest(patientID: smith.id, providerID: provider.id,
                                   start: LocalDateTime(date: CalendarDate(iso: "2026-12-01")!, time: ClockTime("09:00")!),
                                   acceptingProblems: true, overbookReason: "no hours set in this test"), by: a.doctor)
                await a.sync()
                await b.sync()
                #expect(try b.patient(named: "smith john")?.mrn == smith.mrn)
                let jones = try b.register("Jones", "Ann", born: "1975-01-30")
                try b.edit(smith.id) { $0.phone = try PhoneNumber(parsing: "0800 555 777") }
                try b.store.changeAppointmentStatus(booked.id, .confirm, by: b.receptionist)
                await b.sync()
                await a.sync()
                #expect(try a.patient(named: "jones ann")?.mrn == jones.mrn)
                #expect(try a.store.patient(smith.id)?.details.phone?.normalized == "0800555777")
                #expect(try a.store.schedule(on: CalendarDate(iso: "2026-12-01")!).first?.appointment.status == .confirmed)
                #expect(try await a.matchesServer())
                #expect(try await b.matchesServer())

                // Another clinic: pulls nothing of Riverside, and may not write into its rows.
                await c.sync()
                #expect(try c.store.searchPatients(text: "smith").isEmpty)
                #expect(try c.store.searchPatients(text: "jones").isEmpty)
                try c.store.importPatients([ImportedPatient(details: PatientDetails(familyName: "Intruder", givenName: "Eve"),
                                                            registeredAt: Date())], by: .system("test"))
                try c.store.forgeEdit(of: smith.id, familyName: "Hacked")
                await c.sync()
                let refused = try c.store.quarantinedChanges()
                #expect(refused.map(\.reason) == ["row belongs to another clinic"])
                await a.sync()
                #expect(try a.store.patient(smith.id)?.details.familyName == "Smith")
            }
        }

        @Test func twoPeopleGivenOneUsernameOfflineEachSignInWithTheirOwnPassword() async throws {
            try await SyncWorld.run { world in
                let a = try await world.device("a", clinic: "Riverside")
                let b = try await world.device("b", clinic: "Riverside")
                let okafor = try a.store.createUser(username: "sam", displayName: "Sam Okafor", role: .nurse,
                                                    passwordHash: "hash-okafor", by: .system("test"))
                let lindqvist = try b.store.createUser(username: "sam", displayName: "Sam Lindqvist", role: .receptionist,
                                                       passwordHash: "hash-lindqvist", by: .system("test"))
                await a.sync()
                await b.sync()
                await a.sync()
                for device in [a, b] {
                    #expect(try device.store.users().filter { $0.username == "sam" }.map(\.displayName).sorted()
                            == ["Sam Lindqvist", "Sam Okafor"], "sync keeps both people")
                    #expect(try device.store.signIn(username: "sam", decoy: "decoy") { $0 == "hash-okafor" } == .signedIn(okafor))
                    #expect(try device.store.signIn(username: "SAM", decoy: "decoy") { $0 == "hash-lindqvist" } == .signedIn(lindqvist))
                    #expect(try device.store.signIn(username: "sam", decoy: "decoy") { _ in false } == .refused(remaining: 4))
                }
            }
        }
    }
}

extension ClinicStore {
    /// Test only: writes a change for a row this database does not have, as a forged client would.
    func forgeEdit(of id: EntityID<Patient>, familyName: String) throws {
        try FileManager.default.forge(path: path, table: "patient", row: id.description, field: "family_name",
                                      value: FieldValue.text(familyName).jsonText, device: device.id.description, hlc: try lastClock())
    }
}

extension FileManager {
    /// Appends a raw change row with sqlite3, bypassing the store's checks.
    fileprivate func forge(path: String, table: String, row: String, field: String, value: String, device: String, hlc: HLCTimestamp) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        let stamp = HLCTimestamp(millis: hlc.millis + 1, counter: 0, device: hlc.device).description
        let id = UUID().uuidString.lowercased()
        process.arguments = [path, """
            INSERT INTO change (change_id, tx_id, table_name, row_id, operation, field, new_value, base_value, hlc, device_id, schema_version)
            VALUES ('\(id)', '\(id)', '\(table)', '\(row)', 'update', '\(field)', '\(value.replacingOccurrences(of: "'", with: "''"))', NULL, '\(stamp)', '\(device)', 1);
            """]
        try process.run()
        process.waitUntilExit()
    }
}
