import ClinicCore
public import ClinicStore
import Crypto
public import Foundation
public import SyncProtocol

/// Runs sync cycles for one clinic database: takes the lease, lets the ``SyncEngine`` decide,
/// pushes the outbox and pulls other devices' changes through a ``SyncTransport``, and records
/// the outcome for the status line.
public struct SyncRunner: Sendable {
    public let store: ClinicStore
    public let transport: any SyncTransport
    /// Names this process in the lease.
    public let holder: String
    public let log: @Sendable (String) -> Void
    public var pageSize = 1_000
    /// Most changes pushed in one request; never more than ``SyncLimits/maxBatch``.
    public var batchSize = SyncLimits.maxBatch

    public init(store: ClinicStore, transport: any SyncTransport, holder: String = SyncLeaseHolder.current(),
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.store = store
        self.transport = transport
        self.holder = holder
        self.log = log
    }

    /// Enrolls the database with a one-time code and adopts the server's clinic identity.
    public func enroll(server: URL, code: String) async throws -> EnrollResponse {
        let device = store.device
        let response = try await transport.enroll(
            EnrollRequest(code: code.trimmingCharacters(in: .whitespaces).uppercased(), deviceID: device.id.uuid, deviceName: device.name),
            server: server)
        try store.adoptEnrollment(serverURL: server.absoluteString, clinicID: response.clinicID, clinicName: response.clinicName,
                                  credential: response.credential, by: .system("enroll"))
        return response
    }

    /// One full cycle: push everything, pull everything. Fails at the first error (no retries).
    @discardableResult
    public func syncOnce() async -> SyncFailure? {
        defer { try? store.releaseSyncLease(holder: holder) }
        var engine = SyncEngine()
        var command = engine.handle(.start)
        while true {
            switch command {
            case .push: command = engine.handle(await step { try await pushBatch() })
            case .pull: command = engine.handle(await step { try await pullPage() })
            case let .retry(seconds):
                _ = seconds
                return record(failure: lastFailure(engine))
            case let .finished(error):
                if let error { return record(failure: error) }
                return record(failure: await sendAudit())
            }
        }
    }

    /// Syncs until cancelled: a cycle every `interval` seconds (sooner when this database changes),
    /// backing off while the server is away and carrying on when it returns.
    public func watch(intervalSeconds: Int = 15, changes: AsyncStream<Void>? = nil) async {
        var engine = SyncEngine()
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let relay = Task { if let changes { for await _ in changes { wake.yield() } } }
        defer { relay.cancel(); try? store.releaseSyncLease(holder: holder) }
        var command = engine.handle(.start)
        while !Task.isCancelled {
            switch command {
            case .push: command = engine.handle(await step { try await pushBatch() })
            case .pull: command = engine.handle(await step { try await pullPage() })
            case let .retry(seconds):
                let failure = lastFailure(engine)
                _ = record(failure: failure)
                log("sync: \(failure?.description ?? "failed"); retrying in \(seconds) s")
                try? await Task.sleep(for: .milliseconds(seconds * 1000 + Int.random(in: 0...(seconds * 250 + 100))))
                command = engine.handle(.retryTimerFired)
            case let .finished(finished):
                let error: SyncFailure? = if let finished { finished } else { await sendAudit() }
                _ = record(failure: error)
                if case .unauthorized = error { log("sync stopped: \(error!)"); return }
                await waitForWork(wakeups, seconds: intervalSeconds)
                command = engine.handle(.start)
            }
        }
    }

    /// This database's digest and the server's, for checking that replicas agree.
    public func compareWithServer() async throws -> (local: String, server: String, fields: Int) {
        guard let settings = try store.syncSettings(), let url = URL(string: settings.serverURL) else {
            throw SyncFailure.local("This database is not enrolled.")
        }
        let server = try await transport.digest(server: url, credential: settings.credential)
        return (try localDigest(), server.digest, server.fields)
    }

    /// Lowercase hex SHA-256 over this database's synced fields (``SyncDigest`` lines).
    public func localDigest() throws -> String {
        var hasher = SHA256()
        try store.forEachDigestLine { hasher.update(data: Data($0.utf8)) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    // MARK: - Steps

    private func step(_ body: () async throws -> SyncEvent) async -> SyncEvent {
        do {
            return try await body()
        } catch let failure as SyncFailure {
            lastError.set(failure)
            return .failed(failure)
        } catch {
            let failure = SyncFailure.local(String(describing: error))
            lastError.set(failure)
            return .failed(failure)
        }
    }

    private func settings() throws -> (SyncSettings, URL) {
        guard let settings = try store.syncSettings() else {
            throw SyncFailure.local("This database is not enrolled; run `clinicdesk enroll --server URL --code CODE` first.")
        }
        guard let url = URL(string: settings.serverURL) else { throw SyncFailure.local("The stored server address “\(settings.serverURL)” is not a URL.") }
        guard try store.acquireSyncLease(holder: holder) else {
            throw SyncFailure.local("Another process is syncing this database; it will carry on.")
        }
        return (settings, url)
    }

    private func pushBatch() async throws -> SyncEvent {
        let (settings, url) = try settings()
        let entries = try store.outboxBatch(limit: min(max(batchSize, 1), SyncLimits.maxBatch))
        guard !entries.isEmpty else { return .pushed(remaining: false) }
        let request = PushRequest(deviceID: store.device.id.uuid, batchID: UUID(), changes: entries.compactMap(WireChange.init))
        let response = try await transport.push(request, server: url, credential: settings.credential)
        let outcomes = Dictionary(response.results.map { ($0.changeID, PushOutcome($0)) }, uniquingKeysWith: { first, _ in first })
        try store.storePushResults(outcomes, for: entries)
        let rejected = outcomes.values.filter { if case .rejected = $0 { true } else { false } }.count
        log("sync: pushed \(entries.count) change\(entries.count == 1 ? "" : "s")\(rejected > 0 ? ", \(rejected) refused and quarantined" : "")")
        return .pushed(remaining: try store.pendingChangeCount() > 0)
    }

    private func pullPage() async throws -> SyncEvent {
        let (settings, url) = try settings()
        let page = try await transport.pull(cursor: settings.cursor, limit: pageSize, server: url, credential: settings.credential)
        let summary = try store.applyPulledChanges(page.changes.map(IncomingChange.init), expectedCursor: settings.cursor,
                                                   nextCursor: page.nextCursor, caughtUp: !page.hasMore)
        if summary.applied > 0 {
            log("sync: pulled \(summary.applied) change\(summary.applied == 1 ? "" : "s")\(summary.conflicts > 0 ? ", \(summary.conflicts) conflicts" : "")")
        }
        return .pulled(hasMore: page.hasMore)
    }

    /// After a cycle that succeeded: this device's audit events the server does not hold yet, in
    /// batches, so the server keeps each device's chain and can tell when one was rewritten.
    private func sendAudit() async -> SyncFailure? {
        do {
            let (settings, url) = try settings()
            if try store.auditResumeNeeded() { try await takeBackAudit(url, settings.credential) }
            while true {
                let events = try store.auditEventsToSend(limit: SyncLimits.maxBatch).compactMap(WireAuditEvent.init)
                guard let last = events.last else { return nil }
                let response = try await transport.pushAudit(AuditPushRequest(deviceID: store.device.id.uuid, events: events),
                                                             server: url, credential: settings.credential)
                try store.markAuditSent(through: min(response.acceptedThrough, last.seq))
                if events.count < SyncLimits.maxBatch { return nil }
            }
        } catch let failure as SyncFailure {
            // A server from before audit trails were synced has no such route: syncing goes on, and the
            // trail goes once the server is upgraded.
            if case let .refused(message) = failure, message.contains("(not_found)") || message == "HTTP 404" {
                log("sync: the server does not keep audit trails yet; they stay on this device until it does")
                return nil
            }
            log("sync: sending the audit trail failed: \(failure)")
            return failure
        } catch {
            log("sync: sending the audit trail failed: \(error)")
            return .local(String(describing: error))
        }
    }

    /// After a restore from a backup: the end of this device's audit trail that the server holds
    /// (written after the backup and sent) comes back, and what the device wrote since goes after it.
    private func takeBackAudit(_ url: URL, _ credential: String) async throws {
        let device = store.device.id.description
        var held: [AuditLink] = []
        var after = try store.auditSentSeq()
        while true {
            let page = try await transport.auditEvents(after: after, limit: SyncLimits.maxBatch, server: url, credential: credential)
            held += page.events.map { $0.link(device: device) }
            guard page.hasMore, let last = page.events.last else { break }
            after = last.seq
        }
        try store.resumeAuditChain(with: held)
        log("sync: took back \(held.count) audit event\(held.count == 1 ? "" : "s") this device wrote after its backup")
    }

    private func record(failure: SyncFailure?) -> SyncFailure? {
        if case .local(let message)? = failure, message.hasPrefix("Another process is syncing") { return failure }
        try? store.recordSyncAttempt(error: failure?.description)
        return failure
    }

    private func lastFailure(_ engine: SyncEngine) -> SyncFailure? { lastError.get() }

    private func waitForWork(_ wakeups: AsyncStream<Void>, seconds: Int) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: .seconds(seconds)) }
            group.addTask { for await _ in wakeups { return } }
            await group.next()
            group.cancelAll()
        }
    }

    private let lastError = FailureBox()
}

/// The most recent failure, shared between the steps of a cycle.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: SyncFailure?

    func set(_ failure: SyncFailure) { lock.withLock { value = failure } }
    func get() -> SyncFailure? { lock.withLock { value } }
}
