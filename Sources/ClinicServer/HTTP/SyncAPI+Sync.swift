import ClinicCore
import Hummingbird
import Logging
import SyncProtocol

extension SyncAPI {
    func push(_ request: Request, _ context: ServerRequestContext) async throws -> Response {
        let device = try context.requireDevice()
        let push = try await request.decodeJSON(PushRequest.self)
        guard WireVersion.isAccepted(push.schemaVersion) else { throw APIError.unsupportedSchemaVersion(push.schemaVersion) }
        guard push.deviceID == device.id else { throw APIError.deviceMismatch }
        guard push.changes.count <= SyncLimits.maxBatch else { throw APIError.batchTooLarge(push.changes.count) }
        let response = try await PushService(database: database, clock: clock).push(push, by: device)
        let counts = Dictionary(grouping: response.results, by: \.outcome).mapValues(\.count)
        context.logger.info("push", metadata: [
            "batch": "\(push.batchID.lowercased)", "changes": "\(push.changes.count)",
            "outcomes": "\(counts.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: ","))",
        ])
        return JSONResponse.make(response)
    }

    func pull(_ request: Request, _ context: ServerRequestContext) async throws -> Response {
        let device = try context.requireDevice()
        let query = request.uri.queryParameters
        let cursor = try Self.cursor(query["cursor"].map(String.init))
        let limit = try Self.limit(query["limit"].map(String.init))
        let page = try await PullService(database: database).pull(clinicID: device.clinicID, after: cursor, limit: limit)
        return JSONResponse.make(page)
    }

    func audit(_ request: Request, _ context: ServerRequestContext) async throws -> Response {
        let device = try context.requireDevice()
        let push = try await request.decodeJSON(AuditPushRequest.self)
        guard WireVersion.isAccepted(push.schemaVersion) else { throw APIError.unsupportedSchemaVersion(push.schemaVersion) }
        guard push.deviceID == device.id else { throw APIError.deviceMismatch }
        guard push.events.count <= SyncLimits.maxBatch else { throw APIError.batchTooLarge(push.events.count) }
        guard push.events.allSatisfy({ $0.seq >= 1 }) else { throw APIError.malformedJSON("audit event numbers start at 1") }
        return JSONResponse.make(try await AuditIngest(database: database, clock: clock).receive(push, from: device))
    }

    /// The device's own audit events after `after` (a restored device takes back its trail).
    func auditEvents(_ request: Request, _ context: ServerRequestContext) async throws -> Response {
        let device = try context.requireDevice()
        let query = request.uri.queryParameters
        let after: Int64
        do { after = try Self.cursor(query["after"].map(String.init)) } catch {
            throw APIError(.badRequest, .invalidCursor, "`after` must be a non-negative integer: the last audit event number held.")
        }
        let limit = try Self.limit(query["limit"].map(String.init))
        return JSONResponse.make(try await AuditIngest(database: database, clock: clock).events(of: device, after: after, limit: limit))
    }

    func digest(_ context: ServerRequestContext) async throws -> Response {
        let device = try context.requireDevice()
        return JSONResponse.make(try await DigestService(database: database).digest(clinicID: device.clinicID))
    }

    /// The `cursor` query parameter: a non-negative integer, 0 when absent.
    static func cursor(_ text: String?) throws -> Int64 {
        guard let text else { return 0 }
        guard let cursor = Int64(text), cursor >= 0 else { throw APIError.invalidCursor }
        return cursor
    }

    /// The `limit` query parameter: 1…``SyncLimits/maxPullLimit``, ``PullService/defaultLimit`` when absent.
    static func limit(_ text: String?) throws -> Int {
        guard let text else { return PullService.defaultLimit }
        guard let limit = Int(text), (1...SyncLimits.maxPullLimit).contains(limit) else { throw APIError.invalidLimit }
        return limit
    }
}
