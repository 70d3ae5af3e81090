public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Yields once each time another connection (another terminal's process, or this
    /// process's own writer) commits to the database file.
    ///
    /// On Linux it sleeps until the database's files are written (inotify on their folder, see
    /// ``DatabaseFileWatch``) and then confirms with `PRAGMA data_version`, which changes exactly
    /// when another connection has committed. A commit's WAL frames are written (the event) a
    /// moment before the commit is visible (after its fsync), so an event that does not change
    /// the version yet is checked again a few times over the next half second; and once a second it checks
    /// anyway, so nothing is missed for long even where events are lost. Idle, that is one read
    /// a second instead of twenty (`scripts/bench terminals` compares the two). Elsewhere, or
    /// when inotify is unavailable, it polls as ``externalChanges(every:)`` does every 50 ms.
    /// The sequence ends when the consumer stops iterating (its task is cancelled).
    public func externalChanges() throws(StoreError) -> AsyncStream<Void> {
        let watcher = try versionWatcher()
        let initial = try StoreErrors.mapping(path: path) { try watcher.read(DataVersion.read) }
        guard let files = DatabaseFileWatch(path: path) else {
            return polling(watcher, from: initial, every: .milliseconds(50))
        }
        return AsyncStream { continuation in
            let thread = Thread {
                DatabaseFileWatch.nameThisThread()
                var last = initial
                var rechecks = ArraySlice<Duration>()
                while true {
                    let wake = files.wait(timeout: rechecks.first ?? ChangeWatch.safetyInterval)
                    if wake == .stopped { break }
                    if let version = try? watcher.read(DataVersion.read), version != last {
                        last = version
                        rechecks = []
                        continuation.yield()
                    } else if wake == .written {
                        rechecks = ChangeWatch.rechecks[...]
                    } else {
                        rechecks = rechecks.dropFirst()
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in files.stop() }
            thread.start()
        }
    }

    /// What each commit that `commits` reports changed (``externalChanges()`` or
    /// ``externalChanges(every:)``), read from the per-table counters every write bumps
    /// (``TableVersions``): a terminal rereads only what shows those kinds of data. Several
    /// commits between two readings arrive as one; a commit whose tables cannot be told is
    /// ``ChangedData/everything``. Ends when `commits` ends or the consumer stops iterating.
    public func dataChanges(_ commits: AsyncStream<Void>) throws(StoreError) -> AsyncStream<ChangedData> {
        let initial = try read { db in try TableVersions.read(db) }
        return AsyncStream { continuation in
            let task = Task {
                var last = initial
                for await _ in commits {
                    guard let now = try? read({ db in try TableVersions.read(db) }) else {
                        continuation.yield(.everything)
                        continue
                    }
                    let change = TableVersions.changes(from: last, to: now)
                    last = now
                    continuation.yield(change)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Yields once each time another connection commits, by polling `PRAGMA data_version` on a
    /// dedicated read-only connection every `interval`: the value changes exactly when another
    /// connection has committed, and reading it touches no table, so each poll costs
    /// microseconds (but wakes the process twenty times a second at 50 ms).
    /// The sequence ends when the consumer stops iterating (its task is cancelled).
    public func externalChanges(every interval: Duration) throws(StoreError) -> AsyncStream<Void> {
        let watcher = try versionWatcher()
        let initial = try StoreErrors.mapping(path: path) { try watcher.read(DataVersion.read) }
        return polling(watcher, from: initial, every: interval)
    }

    /// A read-only connection of its own, for reading `data_version` outside any transaction.
    private func versionWatcher() throws(StoreError) -> DatabaseQueue {
        try StoreErrors.mapping(path: path) {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(1)
            return try DatabaseQueue(path: path, configuration: configuration)
        }
    }

    private func polling(_ watcher: DatabaseQueue, from initial: Int, every interval: Duration) -> AsyncStream<Void> {
        AsyncStream { continuation in
            let task = Task {
                var last = initial
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard let version = try? await watcher.read(DataVersion.read) else { continue }
                    if version != last {
                        last = version
                        continuation.yield()
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// The timing of ``ClinicStore/externalChanges()``.
enum ChangeWatch {
    /// How often the version is read when nothing was written.
    static let safetyInterval: Duration = .seconds(1)
    /// When to read the version again after a write that has not changed it yet (the commit's
    /// fsync is still running, and the shared-memory index it then updates raises no file
    /// event): densely for the first quarter second, within which a busy disk finishes its
    /// fsync, then backing off. Each read costs microseconds; the gaps were the slowest
    /// check-in of `scripts/bench terminals` (a 150 ms fsync was seen at 250 ms).
    static let rechecks: [Duration] =
        ([2, 3, 5, 5, 5] + Array(repeating: 10, count: 10) + Array(repeating: 20, count: 5) + [40, 70, 100, 250])
        .map { .milliseconds($0) }
}

enum DataVersion {
    /// `PRAGMA data_version` must be read outside a transaction to see other connections' commits.
    static func read(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }
}
