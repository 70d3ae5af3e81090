import ClinicCore
import Foundation
import Testing

@testable import ClinicStore

/// Noticing other connections' commits by watching the database's files (the app's way): every
/// commit is noticed, one after another, and the watch ends with its consumer.
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

    @Test func theWatchEndsWhenItsConsumerStops() async throws {
        let fixture = try StoreFixture()
        let changes = try fixture.store.externalChanges()
        let consumer = Task { () -> Int in
            var count = 0
            for await _ in changes { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(100))
        consumer.cancel()
        #expect(
            await consumer.value == 0,
            "nothing was committed, and the sequence finished when its consumer was cancelled")
    }
}
