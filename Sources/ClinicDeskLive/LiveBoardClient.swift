import ClinicCore
public import ClinicStore
import Foundation
public import FrontDesk

/// The waiting-room board's client over a real clinic database: the day's visits through
/// ``ClinicStore/waitingRoom(on:)`` and other processes' commits through
/// ``ClinicStore/externalChanges()``. It only ever reads.
public enum LiveBoardClient {
    /// How long to wait before watching the database again when it could not be watched.
    static let rewatchDelay: Duration = .seconds(1)

    /// - Parameter log: where the board's log lines go (a file; never the screen).
    public static func make(store: ClinicStore, log: @escaping @Sendable (String) -> Void) throws(StoreError)
        -> BoardClient
    {
        let clinic = try store.clinic()
        return BoardClient(
            clinicName: clinic.name,
            timeZone: store.timeZone,
            now: { store.environment.clock.now() },
            day: { day in try store.waitingRoom(on: day) },
            changes: { changes(of: store, log: log) },
            log: log
        )
    }

    /// Other processes' commits, for as long as the consumer listens: when the database cannot
    /// be watched (busy at that moment, or its file briefly away), it tries again a second later
    /// rather than falling silent.
    static func changes(of store: ClinicStore, log: @escaping @Sendable (String) -> Void) -> AsyncStream<Void> {
        AsyncStream { continuation in
            let task = Task {
                var failed = false
                while !Task.isCancelled {
                    do {
                        let commits = try store.externalChanges()
                        if failed { continuation.yield() }  // commits may have landed while it could not watch
                        failed = false
                        for await _ in commits { continuation.yield() }
                    } catch {
                        if !failed { log("board: cannot watch the database for changes yet: \(error)") }
                        failed = true
                    }
                    try? await Task.sleep(for: rewatchDelay)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
