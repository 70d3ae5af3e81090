import Hummingbird
import Logging
import PostgresNIO
import SyncProtocol

/// Turns every error into the API's JSON error shape, so no response ever carries a stack
/// trace, SQL or an internal message. Unexpected errors are logged in full (stderr) and
/// answered with `internal_error`; a lost database connection with `database_unavailable`.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response
        } catch let error as any HTTPResponseError {
            return translate(error, request, context).response
        } catch {
            if Self.isDatabaseUnavailable(error) {
                context.logger.error("database unavailable", metadata: ["error": "\(String(reflecting: error))"])
                return APIError.databaseUnavailable.response
            }
            context.logger.error("request failed", metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "error": "\(String(reflecting: error))",
            ])
            return APIError.internalError.response
        }
    }

    /// Hummingbird's own errors (no route, body too large, undecodable body) in the API's terms.
    private func translate(_ error: any HTTPResponseError, _ request: Request, _ context: Context) -> APIError {
        switch error.status {
        case .notFound, .methodNotAllowed: return .notFound(request.method, request.uri.path)
        case .contentTooLarge: return .bodyTooLarge
        case .badRequest: return .malformedJSON("it could not be read")
        default:
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return .internalError
        }
    }

    /// Whether `error` means PostgreSQL could not be reached, rather than a query going wrong.
    static func isDatabaseUnavailable(_ error: any Error) -> Bool {
        if let error = error as? PSQLError { return error.isConnectionFailure }
        // The pool gives up with its own error type (from a module not meant for import) once
        // connecting has failed for a while.
        return String(describing: type(of: error)) == "ConnectionPoolError"
    }
}
