import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1
public import SyncProtocol

/// The sync API over HTTP with AsyncHTTPClient.
public final class HTTPSyncTransport: SyncTransport {
    private let client: HTTPClient
    private let timeout: TimeAmount

    /// - Parameter timeoutSeconds: how long one request may take before the server counts as unreachable.
    public init(timeoutSeconds: Int64 = 30) {
        client = HTTPClient(eventLoopGroupProvider: .singleton,
                            configuration: HTTPClient.Configuration(timeout: .init(connect: .seconds(5), read: .seconds(timeoutSeconds))))
        timeout = .seconds(timeoutSeconds)
    }

    deinit {
        try? client.syncShutdown()
    }

    public func enroll(_ request: EnrollRequest, server: URL) async throws(SyncFailure) -> EnrollResponse {
        try await send(.POST, server, SyncRoutes.enroll, body: request, credential: nil)
    }

    public func push(_ request: PushRequest, server: URL, credential: String) async throws(SyncFailure) -> PushResponse {
        try await send(.POST, server, SyncRoutes.push, body: request, credential: credential)
    }

    public func pull(cursor: Int64, limit: Int, server: URL, credential: String) async throws(SyncFailure) -> PullResponse {
        try await send(.GET, server, SyncRoutes.pull + "?cursor=\(cursor)&limit=\(limit)", body: Optional<PushRequest>.none, credential: credential)
    }

    public func pushAudit(_ request: AuditPushRequest, server: URL, credential: String) async throws(SyncFailure) -> AuditPushResponse {
        try await send(.POST, server, SyncRoutes.audit, body: request, credential: credential)
    }

    public func auditEvents(after: Int64, limit: Int, server: URL, credential: String) async throws(SyncFailure) -> AuditEventsResponse {
        try await send(.GET, server, SyncRoutes.auditEvents + "?after=\(after)&limit=\(limit)", body: Optional<PushRequest>.none,
                       credential: credential)
    }

    public func digest(server: URL, credential: String) async throws(SyncFailure) -> DigestResponse {
        try await send(.GET, server, SyncRoutes.digest, body: Optional<PushRequest>.none, credential: credential)
    }

    private func send<Body: Encodable, Answer: Decodable>(
        _ method: HTTPMethod, _ server: URL, _ path: String, body: Body?, credential: String?
    ) async throws(SyncFailure) -> Answer {
        let base = server.absoluteString.hasSuffix("/") ? String(server.absoluteString.dropLast()) : server.absoluteString
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        if let credential { request.headers.add(name: "Authorization", value: "Bearer \(credential)") }
        do {
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: Array(try JSONEncoder().encode(body))))
            }
        } catch {
            throw .local("Could not encode the request: \(error)")
        }
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await client.execute(request, timeout: timeout)
            bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        } catch {
            throw .unreachable("\(server.host ?? server.absoluteString): \(Self.describe(error))")
        }
        let data = Data(bytes.readableBytesView)
        guard (200..<300).contains(response.status.code) else {
            let message = (try? JSONDecoder().decode(ErrorBody.self, from: data)).map { "\($0.error.message) (\($0.error.code))" }
                ?? "HTTP \(response.status.code)"
            switch response.status.code {
            case 401, 403: throw .unauthorized(message)
            case 408, 429, 500...: throw .unreachable(message)
            default: throw .refused(message)
            }
        }
        do {
            return try JSONDecoder().decode(Answer.self, from: data)
        } catch {
            throw .refused("the server's answer could not be read: \(error)")
        }
    }

    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.contains("readTimeout") { return "timed out" }
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        return text
    }
}
