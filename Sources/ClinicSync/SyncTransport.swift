public import Foundation
public import SyncProtocol

/// The server, as the sync runner talks to it. The live one is ``HTTPSyncTransport``; tests
/// wrap it to lose responses, fail on purpose or stop the server half way.
public protocol SyncTransport: Sendable {
    func enroll(_ request: EnrollRequest, server: URL) async throws(SyncFailure) -> EnrollResponse
    func push(_ request: PushRequest, server: URL, credential: String) async throws(SyncFailure) -> PushResponse
    func pull(cursor: Int64, limit: Int, server: URL, credential: String) async throws(SyncFailure) -> PullResponse
    func digest(server: URL, credential: String) async throws(SyncFailure) -> DigestResponse
    /// Sends the device's audit events after the last the server holds.
    func pushAudit(_ request: AuditPushRequest, server: URL, credential: String) async throws(SyncFailure) -> AuditPushResponse
    /// The device's own audit events the server holds after number `after` (a restored device takes them back).
    func auditEvents(after: Int64, limit: Int, server: URL, credential: String) async throws(SyncFailure) -> AuditEventsResponse
}
