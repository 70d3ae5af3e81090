import ClinicCore
import Foundation
import Testing

@testable import ClinicStore

/// Noticing other connections' commits by watching the database's files (the app's way): every
/// commit is noticed, one after another, and the watching thread ends with its consumer (a
/// terminal that runs for days leaves nothing behind). Counts threads, so it runs with the
/// suite run one test at a time (`scripts/test` runs everything with `--no-parallel`).
@Suite("External changes by watching the files", .serialized)
struct ExternalChangesTests {
    /// Counts the notifications of a change stream as they come.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }

        /// Waits (up to 10 s: the machine is shared) until at least `target` notifications came.
        func waitFor(_ target: Int) async -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while value < target, Date() < deadline { try? await Task.sleep(for: .milliseconds(5)) }
            return value >= target
        }
    }

    @Test func eachCommitOfAnotherConnectionIsNoticed() async throws {
        let fixture = try StoreFixture()
        let other = try ClinicStore.open(at: fixture.path, environment: fixture.store.environment)
        let changes = try fixture.store.externalChanges()
        let counter = Counter()
        let consumer = Task {
            for await _ in changes { counter.add() }
        }
        defer { consumer.cancel() }
        for index in 1...5 {
            try other.registerPatient(
                PatientDetails(familyName: "Watch", givenName: "Number \(index)"), by: fixture.receptionist)
            #expect(await counter.waitFor(index), "commit \(index) of five, one after the other, was not noticed")
        }
    }

    @Test func theWatchingThreadEndsWhenItsConsumerStops() async throws {
        let fixture = try StoreFixture()
        let before = Self.watchingThreads()
        let changes = try fixture.store.externalChanges()
        let consumer = Task {
            for await _ in changes {}
        }
        #expect(await Self.eventually { Self.watchingThreads() == before + 1 }, "one thread watches the files")
        consumer.cancel()
        #expect(await Self.eventually { Self.watchingThreads() == before }, "the thread ended with its consumer")
    }

    /// Threads of this process watching a database's files.
    static func watchingThreads() -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.filter { task in
            let name = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)
            return name?.hasPrefix(DatabaseFileWatch.threadName) == true
        }.count
    }

    /// Whether `condition` holds within 10 s (generous: the machine is shared).
    static func eventually(_ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while !condition() {
            guard Date() < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }
}
