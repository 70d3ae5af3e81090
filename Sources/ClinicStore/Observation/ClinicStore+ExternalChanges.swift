import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Yields once each time another connection (another terminal's process, or this
    /// process's own writer) commits to the database file.
    ///
    /// Polls `PRAGMA data_version` on a dedicated read-only connection every `interval`:
    /// the value changes exactly when another connection has committed, and reading it
    /// touches no table, so idle polling costs microseconds. SQLite has no cross-process
    /// notification, and WAL on a local disk makes this the documented way to notice.
    /// The sequence ends when the consumer stops iterating (its task is cancelled).
    public func externalChanges(every interval: Duration = .milliseconds(50)) throws(StoreError) -> AsyncStream<Void> {
        let watcher: DatabaseQueue = try StoreErrors.mapping(path: path) {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(1)
            return try DatabaseQueue(path: path, configuration: configuration)
        }
        let initial = try StoreErrors.mapping(path: path) { try watcher.read(DataVersion.read) }
        return AsyncStream { continuation in
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

enum DataVersion {
    /// `PRAGMA data_version` must be read outside a transaction to see other connections' commits.
    static func read(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }
}
