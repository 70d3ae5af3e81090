import ClinicSync
import Foundation
import Hummingbird
import Logging
import SyncProtocol

/// Stands between `clinicdesk sync` in another process and the test server, passing each request on
/// through the real transport, and stops the one the test names at an exact point of its work, so
/// that a SIGKILL lands there rather than wherever a timer happens to fire.
final class SyncRelay: @unchecked Sendable {
    enum Kind: String, Sendable {
        case push, pull
    }

    /// Where in one request the client is stopped.
    enum Point: String, Sendable, CaseIterable {
        /// The request has arrived here; the server has not seen it.
        case arrived
        /// The server has answered (a push is committed there); the client has not heard.
        case answered
        /// The answer has gone back to the client, which is storing it; its next request is held here.
        case handedBack
    }

    /// Stops request `number` of `kind` (counted from ``beginRound(_:)``) at `point`.
    struct Plan: Sendable {
        var kind: Kind
        var number: Int
        var point: Point
    }

    private let server: URL
    private let pageLimit: Int
    private let transport = HTTPSyncTransport()
    private let lock = NSLock()
    private var plan: Plan?
    private var requests: [Kind: Int] = [:]
    private var handedBack = false
    private var lastPageHadMore = false
    private var held: [CheckedContinuation<Bool, Never>] = []
    private var duplicateBatches = 0
    private var inFlight = 0
    /// Connections that sent requests in this round, in earlier rounds, and all of them kept alive (so that
    /// no new connection can take the identity of an old one).
    private var current = Set<ObjectIdentifier>()
    private var retired = Set<ObjectIdentifier>()
    private var channels: [Connection] = []
    private var task: Task<Void, any Error>?
    private(set) var url = URL(string: "http://127.0.0.1")!

    /// - Parameter pageLimit: the most changes a pull page passed on may hold (pages end up many and small).
    init(server: URL, pageLimit: Int) {
        self.server = server
        self.pageLimit = pageLimit
    }

    /// Runs `body` with a relay to `server` that listens, then stops it, also when `body` throws.
    static func run(server: URL, pageLimit: Int, _ body: (SyncRelay) async throws -> Void) async throws {
        let relay = SyncRelay(server: server, pageLimit: pageLimit)
        try await relay.start()
        do {
            try await body(relay)
        } catch {
            await relay.stop()
            throw error
        }
        await relay.stop()
    }

    /// Starts listening on a free loopback port; ``url`` is then the address to enroll with.
    func start() async throws {
        // The routes hold the relay weakly: the last reference must not go on an event loop, where the
        // transport's HTTP client may not be shut down.
        let router = Router(context: RelayContext.self)
        router.post(RouterPath(SyncRoutes.enroll)) { [weak self] request, _ in
            try await Self.alive(self).enroll(request)
        }
        router.post(RouterPath(SyncRoutes.push)) { [weak self] request, context in
            try await Self.alive(self).push(request, on: context.connection)
        }
        router.get(RouterPath(SyncRoutes.pull)) { [weak self] request, context in
            try await Self.alive(self).pull(request, on: context.connection)
        }
        router.get(RouterPath(SyncRoutes.digest)) { [weak self] request, _ in
            try await Self.alive(self).digest(request)
        }
        // Audit events go after a cycle that finished; they are passed straight through (not a kill point).
        router.post(RouterPath(SyncRoutes.audit)) { [weak self] request, _ in
            try await Self.alive(self).audit(request)
        }
        router.get(RouterPath(SyncRoutes.auditEvents)) { [weak self] request, _ in
            try await Self.alive(self).auditEvents(request)
        }
        var logger = Logger(label: "clinicdesk-relay")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in
                                  continuation.yield(channel.localAddress?.port ?? 0)
                                  continuation.finish()
                              },
                              logger: logger)
        task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw RelayFailure(message: "the relay did not start listening") }
        url = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Lets every held request go (to fail) and stops listening.
    func stop() async {
        endRound()
        task?.cancel()
        _ = try? await task?.value
    }

    // MARK: - Rounds

    /// Starts counting requests afresh and stops the one `plan` names; `nil` passes everything on.
    func beginRound(_ plan: Plan?) {
        lock.withLock {
            self.plan = plan
            requests = [:]
            handedBack = false
            lastPageHadMore = false
        }
    }

    /// Ends the round (after its process has been killed): held requests fail, nothing more is stopped.
    func endRound() {
        let released = lock.withLock { () -> [CheckedContinuation<Bool, Never>] in
            plan = nil
            retired.formUnion(current)
            current = []
            defer { held = [] }
            return held
        }
        for continuation in released { continuation.resume(returning: false) }
    }

    /// Whether the client now stands where the round's plan said: a request is held, or (``Point/handedBack``)
    /// the answer has gone back.
    var reachedPlan: Bool {
        lock.withLock { !held.isEmpty || handedBack }
    }

    /// Whether the last page passed on in this round said more were to come.
    var lastPageHadMoreToCome: Bool { lock.withLock { lastPageHadMore } }

    /// Pushes whose every change the server answered `duplicate`: batches it had committed before.
    var replayedBatches: Int { lock.withLock { duplicateBatches } }

    /// Waits until no request is in the relay (those of a killed process have failed or gone on).
    func waitUntilIdle() async throws {
        let deadline = Date().addingTimeInterval(30)
        while lock.withLock({ inFlight > 0 }) {
            guard Date() < deadline else {
                throw RelayFailure(message: "a request of a killed process is still in the relay")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    // MARK: - Requests

    private static func alive(_ relay: SyncRelay?) throws -> SyncRelay {
        guard let relay else { throw HTTPError(.serviceUnavailable, message: "the relay has stopped") }
        return relay
    }

    /// Counts a request as in the relay until `body` returns. A request on a connection of an earlier
    /// round (one a killed process had sent before it died) fails without reaching the server or counting.
    private func inside(_ connection: Connection, _ body: () async throws -> Response) async throws -> Response {
        let stale = lock.withLock { () -> Bool in
            let id = ObjectIdentifier(connection.channel)
            if retired.contains(id) { return true }
            if current.insert(id).inserted { channels.append(connection) }
            inFlight += 1
            return false
        }
        if stale { throw RelayFailure(message: "a request of a killed process") }
        defer { lock.withLock { inFlight -= 1 } }
        return try await body()
    }

    private func enroll(_ request: Request) async throws -> Response {
        let enrollment = try JSONDecoder().decode(EnrollRequest.self, from: try await Self.body(of: request))
        return try Self.json(try await forward { () async throws(SyncFailure) in
            try await self.transport.enroll(enrollment, server: self.server)
        })
    }

    private func audit(_ request: Request) async throws -> Response {
        let push = try JSONDecoder().decode(AuditPushRequest.self, from: try await Self.body(of: request))
        let credential = Self.credential(of: request)
        return try Self.json(try await forward { () async throws(SyncFailure) in
            try await self.transport.pushAudit(push, server: self.server, credential: credential)
        })
    }

    private func auditEvents(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let after = query["after"].flatMap { Int64(String($0)) } ?? 0
        let limit = query["limit"].flatMap { Int(String($0)) } ?? SyncLimits.maxBatch
        let credential = Self.credential(of: request)
        return try Self.json(try await forward { () async throws(SyncFailure) in
            try await self.transport.auditEvents(after: after, limit: limit, server: self.server, credential: credential)
        })
    }

    private func digest(_ request: Request) async throws -> Response {
        let credential = Self.credential(of: request)
        return try Self.json(try await forward { () async throws(SyncFailure) in
            try await self.transport.digest(server: self.server, credential: credential)
        })
    }

    private func push(_ request: Request, on connection: Connection) async throws -> Response {
        try await inside(connection) { try await relayPush(request) }
    }

    private func pull(_ request: Request, on connection: Connection) async throws -> Response {
        try await inside(connection) { try await relayPull(request) }
    }

    private func relayPush(_ request: Request) async throws -> Response {
        let push = try JSONDecoder().decode(PushRequest.self, from: try await Self.body(of: request))
        let credential = Self.credential(of: request)
        let number = arrive(.push)
        try await checkpoint(.push, number, .arrived)
        let answer = try await forward { () async throws(SyncFailure) in
            try await self.transport.push(push, server: self.server, credential: credential)
        }
        lock.withLock {
            if !answer.results.isEmpty && answer.results.allSatisfy({ $0.outcome == .duplicate }) {
                duplicateBatches += 1
            }
        }
        try await checkpoint(.push, number, .answered)
        return try handBack(.push, number, answer)
    }

    private func relayPull(_ request: Request) async throws -> Response {
        let cursor = request.uri.queryParameters.get("cursor", as: Int64.self) ?? 0
        let limit = min(request.uri.queryParameters.get("limit", as: Int.self) ?? pageLimit, pageLimit)
        let credential = Self.credential(of: request)
        let number = arrive(.pull)
        try await checkpoint(.pull, number, .arrived)
        let page = try await forward { () async throws(SyncFailure) in
            try await self.transport.pull(cursor: cursor, limit: limit, server: self.server, credential: credential)
        }
        lock.withLock { lastPageHadMore = page.hasMore }
        try await checkpoint(.pull, number, .answered)
        return try handBack(.pull, number, page)
    }

    /// Counts a request of `kind` in this round and returns its number.
    private func arrive(_ kind: Kind) -> Int {
        lock.withLock {
            requests[kind, default: 0] += 1
            return requests[kind]!
        }
    }

    /// Holds the request here when the plan says so (or when it comes after a planned hand-back),
    /// until ``endRound()``; a held request never goes on.
    private func checkpoint(_ kind: Kind, _ number: Int, _ point: Point) async throws {
        let goesOn = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let hold = lock.withLock { () -> Bool in
                let planned = plan.map { $0.kind == kind && $0.number == number && $0.point == point } ?? false
                let afterHandBack = plan != nil && handedBack && point == .arrived
                guard planned || afterHandBack else { return false }
                held.append(continuation)
                return true
            }
            if !hold { continuation.resume(returning: true) }
        }
        if !goesOn { throw RelayFailure(message: "held by the test and dropped") }
    }

    private func handBack(_ kind: Kind, _ number: Int, _ answer: some Encodable) throws -> Response {
        let response = try Self.json(answer)
        lock.withLock {
            if let plan, plan.kind == kind, plan.number == number, plan.point == .handedBack { handedBack = true }
        }
        return response
    }

    private func forward<Answer>(_ call: () async throws(SyncFailure) -> Answer) async throws -> Answer {
        do {
            return try await call()
        } catch {
            let status: HTTPResponse.Status = switch error {
            case .unauthorized: .unauthorized
            case .refused: .badRequest
            case .unreachable, .local: .serviceUnavailable
            }
            throw HTTPError(status, message: error.description)
        }
    }

    private static func body(of request: Request) async throws -> Data {
        Data(try await request.body.collect(upTo: SyncLimits.maxBodyBytes).readableBytesView)
    }

    private static func credential(of request: Request) -> String {
        String((request.headers[.authorization] ?? "").dropFirst("Bearer ".count))
    }

    private static func json(_ value: some Encodable) throws -> Response {
        let data = try JSONEncoder().encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The connection a request came on (its channel, kept as an object only).
struct Connection: @unchecked Sendable {
    let channel: AnyObject
}

/// A request's context in the relay: Hummingbird's, plus the connection it came on.
struct RelayContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let connection: Connection

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        connection = Connection(channel: source.channel)
    }
}

struct RelayFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
