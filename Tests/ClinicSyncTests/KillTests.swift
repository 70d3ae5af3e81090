import ClinicCore
import ClinicDemo
import ClinicStore
import ClinicServerTesting
import ClinicSync
import Foundation
import PasswordHashing
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension SyncSuite {
    /// `clinicdesk sync` killed with SIGKILL at random points, then a final sync: nothing lost, nothing
    /// twice. 50 rounds in `scripts/test`; `scripts/soak` sets CLINICDESK_KILL_ROUNDS=1000.
    @Suite("Sync killed at random points", .serialized)
    struct KillTests {
        static var rounds: Int { Int(ProcessInfo.processInfo.environment["CLINICDESK_KILL_ROUNDS"] ?? "") ?? 50 }

        @Test func killedDuringALargePushAndPullThenFinishedLosesAndRepeatsNothing() async throws {
            try await SyncWorld.run { world in
                let path = world.folder.appendingPathComponent("big.sqlite").path
                _ = try DemoClinic(options: .init(patients: 2_000, seed: 11, timeZone: .gmt), hasher: Argon2idHasher.fastForTests()).build(at: path)
                let store = try ClinicStore.open(at: path)
                let code = try await world.server.enrollmentCode(forClinic: "Riverside")
                _ = try await SyncRunner(store: store, transport: HTTPSyncTransport()).enroll(server: world.url, code: code)
                let outbox = try store.pendingChangeCount()
                var random = SplitMix64(state: 42)

                let pushKills = try await killRepeatedly(database: path, rounds: Self.rounds, random: &random)
                #expect(await SyncRunner(store: store, transport: HTTPSyncTransport()).syncOnce() == nil)
                #expect(try store.pendingChangeCount() == 0)
                let pushed = try await SyncRunner(store: store, transport: HTTPSyncTransport()).compareWithServer()
                #expect(pushed.local == pushed.server, "after \(pushKills) kills while pushing \(outbox) changes")

                let reader = try await world.device("reader", clinic: "Riverside")
                let pullKills = try await killRepeatedly(database: reader.store.path, rounds: Self.rounds, random: &random)
                await reader.sync()
                #expect(try await reader.matchesServer(), "after \(pullKills) kills while pulling")
                print("kill test: \(pushKills) of \(Self.rounds) pushes and \(pullKills) of \(Self.rounds) pulls killed mid-run; \(outbox) changes")
                #expect(try reader.store.searchPatients(text: "#RFC-002000").count == 1)
                #expect(try reader.store.searchPatients(text: "#RFC-002001").isEmpty)
            }
        }

        /// Starts `clinicdesk sync --once` and kills it with SIGKILL after a random moment, `rounds` times;
        /// returns how many were killed before they finished.
        /// Waits asynchronously: the server under test runs in this process and needs the threads.
        private func killRepeatedly(database: String, rounds: Int, random: inout SplitMix64) async throws -> Int {
            let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
                .appendingPathComponent("clinicdesk").path
            var killed = 0
            for _ in 0..<rounds {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = ["sync", "--once", "--db", database]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                try await Task.sleep(for: .milliseconds(Int.random(in: 20...450, using: &random)))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    killed += 1
                }
                while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            }
            return killed
        }
    }
}
