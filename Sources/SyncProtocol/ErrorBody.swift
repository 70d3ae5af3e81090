/// Every error response: `{ "error": { "code": "...", "message": "..." } }`.
public struct ErrorBody: Codable, Hashable, Sendable {
    public struct Detail: Codable, Hashable, Sendable {
        /// Stable machine-readable code (see ``ErrorCode``).
        public var code: String
        /// A sentence for the person reading the device's status or the operator's log.
        public var message: String

        public init(code: String, message: String) {
            self.code = code
            self.message = message
        }
    }

    public var error: Detail

    public init(code: ErrorCode, message: String) {
        error = Detail(code: code.rawValue, message: message)
    }
}

/// The error codes the server returns.
public enum ErrorCode: String, Codable, CaseIterable, Sendable {
    case malformedJSON = "malformed_json"
    case unsupportedSchemaVersion = "unsupported_schema_version"
    case batchTooLarge = "batch_too_large"
    case bodyTooLarge = "body_too_large"
    case missingCredential = "missing_credential"
    case invalidCredential = "invalid_credential"
    case deviceMismatch = "device_mismatch"
    case invalidEnrollmentCode = "invalid_enrollment_code"
    case deviceAlreadyEnrolled = "device_already_enrolled"
    case tooManyEnrollmentAttempts = "too_many_enrollment_attempts"
    case auditChainBroken = "audit_chain_broken"
    case invalidCursor = "invalid_cursor"
    case cursorFromFuture = "cursor_from_future"
    case cursorCompacted = "cursor_compacted"
    case invalidLimit = "invalid_limit"
    case notFound = "not_found"
    case databaseUnavailable = "database_unavailable"
    case internalError = "internal_error"
}

/// `GET /v1/health` and `/v1/health/ready`.
public struct HealthResponse: Codable, Hashable, Sendable {
    public var status: String
    public var database: String?

    public init(status: String, database: String? = nil) {
        self.status = status
        self.database = database
    }
}
