import ClinicCore
import ClinicDemo
import ClinicServer
import ClinicServerTesting
import ClinicStore
import ClinicSync
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Hummingbird
import Logging
import SyncProtocol
import Testing

extension SyncSuite {
    @Suite("Sync under faults", .serialized)
    struct FaultTests {
        @Test func aLostAnswerIsRetriedAndCountsOnceOnTheServer() async throws {
            try await SyncWorld.run { world in
                let transport = FaultyTransport()
                let a = try await world.device("a", clinic: "Riverside", transport: transport)
                for index in 0..<30 { _ = try a.register("Person", "Number \(index)") }
                transport.loseAnswers(ofNextPushes: 1)
                let failure = await a.runner.syncOnce()
                #expect(failure == .unreachable("simulated: the answer was lost after the server committed"))
                #expect(try a.store.pendingChangeCount() > 0, "without an answer nothing leaves the outbox")
                #expect(await a.runner.syncOnce() == nil)
                #expect(try a.store.pendingChangeCount() == 0)
                #expect(try await a.matchesServer())
                let repeated = transport.pushes[0].changes.map(\.changeID)
                #expect(transport.pushes[1].changes.map(\.changeID) == repeated, "the same changes went again…")
                let b = try await world.device("b", clinic: "Riverside")
                await b.sync()
                #expect(try b.store.searchPatients(text: "person", limit: 500).count == 30, "…and count once")
            }
        }

        @Test func theOutboxDrainsInOrderOnceTheServerIsBack() async throws {
            try await SyncWorld.run { world in
                let transport = FaultyTransport()
                let a = try await world.device("a", clinic: "Riverside", transport: transport)
                for index in 0..<40 { _ = try a.register("Queue", "Member \(index)") }
                transport.bringDown(forRequests: 3)
                for _ in 0..<3 {
                    let failure = await a.runner.syncOnce()
                    #expect(failure == .unreachable("simulated: server down"))
                    #expect(try a.store.syncStatus().isOnline == false)
                }
                #expect(await a.runner.syncOnce() == nil)
                #expect(try a.store.syncStatus().isOnline == true)
                let sent = transport.pushes.flatMap(\.changes).map(\.hlc)
                #expect(sent == sent.sorted(), "changes went out in the order they were made")
                #expect(try await a.matchesServer())
            }
        }

        @Test func aServerStoppedMidRunAndRestartedIsWaitedFor() async throws {
            guard let admin = ScratchDatabase.adminURL else {
                Issue.record("CLINICDESK_TEST_DATABASE_URL is not set")
                return
            }
            var logger = Logger(label: "clinicdesk-restart-test")
            logger.logLevel = .critical
            try await ScratchDatabase.withDatabase(adminURL: admin, logger: logger) { database in
                let port = try FreePort.find()
                let server = RestartableServer(configuration: ServerConfiguration(database: database, port: port, logger: logger))
                try await server.start()
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clinicdesk-restart-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let store = try ClinicStore.create(at: folder.appendingPathComponent("a.sqlite").path, clinicName: "A", timeZone: .gmt, deviceName: "a")
                let runner = SyncRunner(store: store, transport: HTTPSyncTransport(timeoutSeconds: 5))
                let code = try await ServerDatabase.withRunning(database, logger: logger) { db in
                    try await ClinicDirectory(database: db).addClinic(named: "Riverside").code.code
                }
                _ = try await runner.enroll(server: URL(string: "http://127.0.0.1:\(port)")!, code: code)
                for index in 0..<1_200 {
                    _ = try store.registerPatient(PatientDetails(familyName: "Restart", givenName: "Patient \(index)"), by: .system("test"))
                }
                let watching = Task { await runner.watch(intervalSeconds: 1) }
                defer { watching.cancel() }
                try await waitUntil(seconds: 30) { try store.pendingChangeCount() < 6_000 }
                await server.stop()
                try await waitUntil(seconds: 20) { try store.syncStatus().isOnline == false }  // the status line says offline
                let stranded = try store.pendingChangeCount()
                #expect(stranded > 0)
                try await Task.sleep(for: .seconds(2))
                #expect(try store.pendingChangeCount() == stranded, "nothing is dropped while the server is away")
                try await server.start()
                try await waitUntil(seconds: 90) { try store.pendingChangeCount() == 0 && store.syncStatus().isOnline == true }
                #expect(try await runner.compareWithServer().local == runner.compareWithServer().server)
                await server.stop()
            }
        }

        private func waitUntil(seconds: Double, _ condition: () throws -> Bool) async throws {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if try condition() { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("condition not met within \(seconds) s")
        }
    }
}

/// A TCP port nothing listens on.
enum FreePort {
    static func find() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
