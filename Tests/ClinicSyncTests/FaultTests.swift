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
                try a.registerUntilPending(moreThan: 2 * SyncLimits.maxBatch)  // three batches or more
                let made = try a.store.pendingChangeCount()
                transport.goAway(afterPushes: 1)  // the server takes the first batch, then is gone
                for _ in 0..<3 {
                    let failure = await a.runner.syncOnce()
                    #expect(failure == .unreachable("simulated: server down"))
                    #expect(try a.store.syncStatus().isOnline == false)
                    #expect(try a.store.pendingChangeCount() == made - transport.pushes[0].changes.count,
                            "the batch the server took left the outbox; nothing else did")
                }
                #expect(transport.pushes.count == 1, "nothing reached the server while it was away")
                transport.recover()
                #expect(await a.runner.syncOnce() == nil)
                #expect(try a.store.syncStatus().isOnline == true)
                #expect(try a.store.pendingChangeCount() == 0)
                let sent = transport.pushes.flatMap(\.changes)
                #expect(transport.pushes.count >= 3)
                #expect(sent.map(\.hlc) == sent.map(\.hlc).sorted(), "changes went out in the order they were made")
                #expect(Set(sent.map(\.changeID)).count == made && sent.count == made, "each change went once")
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
                let transport = FaultyTransport(inner: HTTPSyncTransport(timeoutSeconds: 5))
                let runner = SyncRunner(store: store, transport: transport)
                let code = try await ServerDatabase.withRunning(database, logger: logger) { db in
                    try await ClinicDirectory(database: db).addClinic(named: "Riverside").code.code
                }
                _ = try await runner.enroll(server: URL(string: "http://127.0.0.1:\(port)")!, code: code)
                var index = 0
                while try store.pendingChangeCount() <= 4 * SyncLimits.maxBatch {  // five batches or more
                    _ = try store.registerPatient(PatientDetails(familyName: "Restart", givenName: "Patient \(index)"), by: .system("test"))
                    index += 1
                }
                let made = try store.pendingChangeCount()
                // The operator stops the server after it has taken two batches, before the third arrives.
                transport.beforePush(afterPushes: 2) { await server.stop() }
                let watching = Task { await runner.watch(intervalSeconds: 1) }
                defer { watching.cancel() }
                // A first failure, then two retries after backing off, all meeting the stopped server.
                try await waitUntil(seconds: 60) { transport.unreachableAnswers >= 3 }
                #expect(try store.syncStatus().isOnline == false, "the status line says offline")
                let taken = transport.pushes.prefix(2).map(\.changes.count).reduce(0, +)
                #expect(try store.pendingChangeCount() == made - taken,
                        "what the server took left the outbox; nothing was dropped")
                #expect(try store.pendingChangeCount() > 0)
                try await server.start()
                try await waitUntil(seconds: 90) { try store.pendingChangeCount() == 0 && store.syncStatus().isOnline == true }
                watching.cancel()
                await watching.value
                let comparison = try await runner.compareWithServer()
                #expect(comparison.local == comparison.server)
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
