import ClinicCore
import Foundation
import Hummingbird
import SyncProtocol

/// An error the API answers with: a status and an ``ErrorBody`` (`{"error":{"code","message"}}`).
/// Messages are written for the person reading the device's sync status; they never carry
/// SQL, stack traces or internal error text.
struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    let status: HTTPResponse.Status
    let code: ErrorCode
    let message: String

    init(_ status: HTTPResponse.Status, _ code: ErrorCode, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    var body: ErrorBody { ErrorBody(code: code, message: message) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(body, status: status)
    }

    /// The response, built without a request (for middleware that turns any error into one).
    var response: Response { JSONResponse.make(body, status: status) }
}

extension APIError {
    static func malformedJSON(_ detail: String) -> APIError {
        APIError(.badRequest, .malformedJSON, "The request body is not valid JSON for this request: \(detail).")
    }

    static func unsupportedSchemaVersion(_ version: Int) -> APIError {
        APIError(.badRequest, .unsupportedSchemaVersion,
                 "Schema version \(version) is not supported; this server accepts versions "
                     + "\(WireVersion.accepted.lowerBound)–\(WireVersion.accepted.upperBound). Update ClinicDesk on this device.")
    }

    static func batchTooLarge(_ count: Int) -> APIError {
        APIError(.contentTooLarge, .batchTooLarge,
                 "A push may carry at most \(SyncLimits.maxBatch) changes; this one has \(count). Send smaller batches.")
    }

    static let bodyTooLarge = APIError(
        .contentTooLarge, .bodyTooLarge, "The request body is larger than \(SyncLimits.maxBodyBytes) bytes."
    )

    static let missingCredential = APIError(
        .unauthorized, .missingCredential, "This request needs the device's credential as `Authorization: Bearer <credential>`."
    )

    static let invalidCredential = APIError(
        .unauthorized, .invalidCredential, "The device credential is not valid; the device must be enrolled again."
    )

    static let deviceMismatch = APIError(
        .forbidden, .deviceMismatch, "The push names a device other than the one its credential belongs to."
    )

    static let invalidEnrollmentCode = APIError(
        .forbidden, .invalidEnrollmentCode,
        "The enrollment code is not valid: it may be mistyped, already used or expired. Ask the operator for a new code."
    )

    static func tooManyEnrollmentAttempts(until: Date) -> APIError {
        APIError(.tooManyRequests, .tooManyEnrollmentAttempts,
                 "Too many wrong enrollment codes from this address; try again after \(ISOInstant.format(until)).")
    }

    static func auditChainBroken(_ reason: String) -> APIError {
        APIError(.conflict, .auditChainBroken,
                 "This device's audit trail does not continue the one the server holds (\(reason)); the device is flagged for the operator.")
    }

    static let deviceAlreadyEnrolled = APIError(
        .conflict, .deviceAlreadyEnrolled, "This device id is already enrolled; the device keeps the credential it was given."
    )

    static let invalidCursor = APIError(.badRequest, .invalidCursor, "The cursor must be a non-negative integer.")

    static func cursorFromFuture(cursor: Int64, last: Int64) -> APIError {
        APIError(.badRequest, .cursorFromFuture,
                 "Cursor \(cursor) is past the clinic's last change (\(last)); this device's sync state belongs to another server or clinic.")
    }

    static let invalidLimit = APIError(
        .badRequest, .invalidLimit, "The limit must be an integer from 1 to \(SyncLimits.maxPullLimit)."
    )

    static func notFound(_ method: HTTPRequest.Method, _ path: String) -> APIError {
        APIError(.notFound, .notFound, "There is no \(method.rawValue) \(path) on this server.")
    }

    static let databaseUnavailable = APIError(
        .serviceUnavailable, .databaseUnavailable, "The server's database is unavailable; try again shortly."
    )

    static let internalError = APIError(
        .internalServerError, .internalError, "The server could not complete the request; the problem has been logged."
    )
}
