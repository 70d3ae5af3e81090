import ClinicCore
import Hummingbird
import SyncProtocol

/// The HTTP API: every route, its handler and the middleware in front of it.
struct SyncAPI: Sendable {
    let database: ServerDatabase
    let clock: WallClock

    /// The router with every route registered. Unknown routes answer 404 `not_found`.
    func router() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.get(RouterPath(SyncRoutes.health)) { _, _ in health() }
        router.get(RouterPath(SyncRoutes.ready)) { _, _ in await ready() }
        router.get(RouterPath(ServerRoutes.openAPI)) { _, _ in JSONResponse.raw(OpenAPIDocument.bytes) }
        router.post(RouterPath(SyncRoutes.enroll)) { request, _ in try await enroll(request) }
        let authenticated = router.group().add(middleware: DeviceAuthenticationMiddleware(
            authenticator: DeviceAuthenticator(database: database)
        ))
        authenticated.post(RouterPath(SyncRoutes.push)) { request, context in try await push(request, context) }
        authenticated.get(RouterPath(SyncRoutes.pull)) { request, context in try await pull(request, context) }
        authenticated.get(RouterPath(SyncRoutes.digest)) { _, context in try await digest(context) }
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

    func enroll(_ request: Request) async throws -> Response {
        let enrollment = try await request.decodeJSON(EnrollRequest.self)
        guard WireVersion.isAccepted(enrollment.schemaVersion) else {
            throw APIError.unsupportedSchemaVersion(enrollment.schemaVersion)
        }
        let response = try await EnrollmentService(database: database, clock: clock).enroll(enrollment)
        return JSONResponse.make(response)
    }
}
