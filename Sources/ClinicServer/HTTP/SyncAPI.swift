import ClinicCore
import Hummingbird
import SyncProtocol

/// The HTTP API: every route, its handler and the middleware in front of it.
struct SyncAPI: Sendable {
    let database: ServerDatabase
    let clock: WallClock
    /// Wrong enrollment codes per address: 10 in a row refuse that address for 10 minutes.
    let throttle = EnrollmentThrottle()

    /// The router with every route registered. Unknown routes answer 404 `not_found`.
    func router() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.get(RouterPath(SyncRoutes.health)) { _, _ in health() }
        router.get(RouterPath(SyncRoutes.ready)) { _, _ in await ready() }
        router.get(RouterPath(ServerRoutes.openAPI)) { _, _ in JSONResponse.raw(OpenAPIDocument.bytes) }
        router.post(RouterPath(SyncRoutes.enroll)) { request, context in try await enroll(request, from: context.remoteAddress ?? "unknown") }
        let authenticated = router.group().add(middleware: DeviceAuthenticationMiddleware(
            authenticator: DeviceAuthenticator(database: database)
        ))
        authenticated.post(RouterPath(SyncRoutes.push)) { request, context in try await push(request, context) }
        authenticated.get(RouterPath(SyncRoutes.pull)) { request, context in try await pull(request, context) }
        authenticated.get(RouterPath(SyncRoutes.digest)) { _, context in try await digest(context) }
        authenticated.post(RouterPath(SyncRoutes.audit)) { request, context in try await audit(request, context) }
        authenticated.get(RouterPath(SyncRoutes.auditEvents)) { request, context in try await auditEvents(request, context) }
        return router
    }

    func health() -> Response {
        JSONResponse.make(HealthResponse(status: "ok"))
    }

    func ready() async -> Response {
        if await database.isReachable() {
            return JSONResponse.make(HealthResponse(status: "ready", database: "ok"))
        }
        return APIError.databaseUnavailable.response
    }

    func enroll(_ request: Request, from address: String) async throws -> Response {
        let enrollment = try await request.decodeJSON(EnrollRequest.self)
        guard WireVersion.isAccepted(enrollment.schemaVersion) else {
            throw APIError.unsupportedSchemaVersion(enrollment.schemaVersion)
        }
        if let until = await throttle.lockedUntil(address, now: clock.now()) { throw APIError.tooManyEnrollmentAttempts(until: until) }
        do {
            let response = try await EnrollmentService(database: database, clock: clock).enroll(enrollment)
            await throttle.succeeded(address)
            return JSONResponse.make(response)
        } catch let error as APIError where error.code == .invalidEnrollmentCode {
            if let until = await throttle.failed(address, now: clock.now()) { throw APIError.tooManyEnrollmentAttempts(until: until) }
            throw error
        }
    }
}
