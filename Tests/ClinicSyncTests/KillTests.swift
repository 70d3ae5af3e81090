import ClinicCore
import ClinicDemo
import ClinicStore
import ClinicServerTesting
import ClinicSync
import Foundation
import PasswordHashing
import SyncProtocol
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension SyncSuite {
    /// `clinicdesk sync --once` killed with SIGKILL mid-work, again and again, then a final sync: nothing lost,
    /// nothing twice. Each kill lands at a point a relay in front of the server holds the process at: a request
    /// the server has not seen, a push the server has committed but the client has not heard of, an answer
    /// the client is storing. 30 kills while pushing and 30 while pulling in `scripts/test`; `scripts/soak` sets
    /// CLINICDESK_KILL_ROUNDS=1000 (more clinics and readers are used when one runs out of work).
    @Suite("Sync killed at random points", .serialized)
    struct KillTests {
        static var rounds: Int { Int(ProcessInfo.processInfo.environment["CLINICDESK_KILL_ROUNDS"] ?? "") ?? 30 }
        /// Small pushes and pages, so that one demo clinic holds many steps to kill between.
        static let batchSize = 50
        static let pageLimit = 100

        @Test func killedDuringALargePushAndPullThenFinishedLosesAndRepeatsNothing() async throws {
            try await SyncWorld.run { world in
                try await SyncRelay.run(server: world.url, pageLimit: Self.pageLimit) { relay in
                    var random = SplitMix64(state: 42)

                    // Pushing: a killed round must have stored a batch (the outbox shrank) and left some unsent.
                    var pushKills: [Round] = []
                    var clinics = 0
                    var changes = 0
                    while pushKills.count < Self.rounds && clinics < 100 {
                        clinics += 1
                        let path = world.folder.appendingPathComponent("clinic-\(clinics).sqlite").path
                        _ = try DemoClinic(options: .init(patients: 2_000, seed: 10 + UInt64(clinics), timeZone: .gmt),
                                           hasher: Argon2idHasher.fastForTests()).build(at: path)
                        let store = try ClinicStore.open(at: path)
                        let code = try await world.server.enrollmentCode(forClinic: "Riverside \(clinics)")
                        _ = try await SyncRunner(store: store, transport: HTTPSyncTransport())
                            .enroll(server: relay.url, code: code)
                        let outbox = try store.pendingChangeCount()
                        changes += outbox
                        let rounds = try await killRepeatedly(
                            database: path, kind: .push, relay: relay, rounds: Self.rounds - pushKills.count,
                            random: &random,
                            progress: { Int64(try store.pendingChangeCount()) },
                            enoughLeft: { $0 > 2 * Int64(Self.batchSize) })  // three batches or more
                        let killed = rounds.filter(\.killed)
                        for round in killed {
                            #expect(round.after < round.before && round.after > 0,
                                    "a push was not killed mid-work: \(round)")
                        }
                        pushKills += killed
                        var runner = SyncRunner(store: store, transport: HTTPSyncTransport())
                        runner.batchSize = Self.batchSize  // a batch the server took unheard goes again as it was
                        #expect(await runner.syncOnce() == nil)
                        #expect(try store.pendingChangeCount() == 0)
                        let pushed = try await runner.compareWithServer()
                        #expect(pushed.local == pushed.server,
                                "after \(killed.count) kills while pushing \(outbox) changes")
                        if killed.isEmpty { break }
                    }
                    #expect(pushKills.count >= Self.rounds, "only \(pushKills.count) pushes were killed mid-work")
                    let unheard = pushKills.filter { $0.point == .answered }.count
                    #expect(unheard > 0)
                    #expect(relay.replayedBatches >= unheard,
                            "each batch committed but unheard went again and was answered duplicate, not applied twice")

                    // Pulling (the last clinic): a killed round must have stored a page (the cursor moved),
                    // and not the last.
                    var pullKills: [Round] = []
                    var readers = 0
                    while pullKills.count < Self.rounds && readers < 100 {
                        readers += 1
                        let clinic = "Riverside \(clinics)"
                        let reader = try await world.device("reader-\(readers)", clinic: clinic, enroll: false)
                        let code = try await world.server.enrollmentCode(forClinic: clinic)
                        _ = try await reader.runner.enroll(server: relay.url, code: code)
                        let cursor = { try reader.store.syncSettings()?.cursor ?? 0 }
                        let rounds = try await killRepeatedly(
                            database: reader.store.path, kind: .pull, relay: relay,
                            rounds: Self.rounds - pullKills.count,
                            random: &random, progress: cursor)
                        await reader.sync()
                        let end = try cursor()
                        let killed = rounds.filter(\.killed)
                        for round in killed {
                            #expect(round.after > round.before && round.after < end,
                                    "a pull was not killed mid-work: \(round), the end is \(end)")
                        }
                        pullKills += killed
                        #expect(try await reader.matchesServer(), "after \(killed.count) kills while pulling")
                        #expect(try reader.store.searchPatients(text: "#RFC-002000").count == 1)
                        #expect(try reader.store.searchPatients(text: "#RFC-002001").isEmpty)
                        if killed.isEmpty { break }
                    }
                    #expect(pullKills.count >= Self.rounds, "only \(pullKills.count) pulls were killed mid-work")
                    for point in SyncRelay.Point.allCases {
                        #expect(pushKills.contains { $0.point == point } && pullKills.contains { $0.point == point },
                                "no kill \(point)")
                    }
                    print("kill test: \(pushKills.count) pushes killed mid-work "
                          + "(\(changes) changes, \(clinics) clinics, "
                          + "\(relay.replayedBatches) batches answered duplicate); "
                          + "\(pullKills.count) pulls killed mid-work (\(readers) readers)")
                }
            }
        }

        /// One `clinicdesk sync --once`: where it was stopped, and how far the work stood when it started
        /// and once it had stopped.
        struct Round: CustomStringConvertible {
            let point: SyncRelay.Point
            let before: Int64
            let after: Int64
            /// Killed with SIGKILL, rather than finished on its own.
            let killed: Bool

            var description: String { "\(killed ? "killed \(point)" : "finished") at \(after), started at \(before)" }
        }

        /// Starts `clinicdesk sync --once` again and again, each time stopping its second request of `kind`
        /// at a random point (``SyncRelay/Point``) and killing it there with SIGKILL: the first request has
        /// then been answered and stored, and work is left. Stops after `rounds` kills, when `enoughLeft`
        /// says too little work is left for that (judged by `progress` read from the database), or when a
        /// process finishes before it gets there (which it must do successfully).
        /// Waits asynchronously: the server under test runs in this process and needs the threads.
        private func killRepeatedly(
            database: String, kind: SyncRelay.Kind, relay: SyncRelay, rounds: Int, random: inout SplitMix64,
            progress: () throws -> Int64, enoughLeft: (Int64) -> Bool = { _ in true }
        ) async throws -> [Round] {
            let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
                .appendingPathComponent("clinicdesk").path
            var results: [Round] = []
            while results.count < rounds {
                let before = try progress()
                guard enoughLeft(before) else { break }
                let point = SyncRelay.Point.allCases.randomElement(using: &random)!
                relay.beginRound(SyncRelay.Plan(kind: kind, number: 2, point: point))
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = ["sync", "--once", "--batch-size", "\(Self.batchSize)", "--db", database]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                let deadline = Date().addingTimeInterval(120)
                while process.isRunning && !relay.reachedPlan && Date() < deadline {
                    try await Task.sleep(for: .milliseconds(5))
                }
                var shouldKill = process.isRunning && relay.reachedPlan
                if !shouldKill && process.isRunning {
                    Issue.record("sync --once did not reach its \(kind) 2 within 120 s")
                }
                if point == .handedBack && kind == .pull && !relay.lastPageHadMoreToCome {
                    shouldKill = false  // that was the last page: it would be killed with nothing left to do
                }
                if shouldKill && point == .handedBack {
                    // Somewhere in storing the answer, or already waiting on the next request.
                    try await Task.sleep(for: .milliseconds(Int.random(in: 0...20, using: &random)))
                }
                if shouldKill {
                    kill(process.processIdentifier, SIGKILL)
                } else {
                    relay.beginRound(nil)
                }
                while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
                relay.endRound()
                try await relay.waitUntilIdle()  // nothing of this process may count in the next round
                let killed = shouldKill && process.terminationReason == .uncaughtSignal
                if !killed {
                    #expect(process.terminationStatus == 0,
                            "sync --once failed on its own after \(results.count) kills")
                }
                results.append(Round(point: point, before: before, after: try progress(), killed: killed))
                if !killed { break }
            }
            return results
        }
    }
}
