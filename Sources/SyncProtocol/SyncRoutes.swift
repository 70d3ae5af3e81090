import ClinicCore

/// The HTTP routes of the sync API, shared by the client transport and the server.
public enum SyncRoutes {
    public static let enroll = "/v1/devices/enroll"
    public static let push = "/v1/sync/push"
    public static let pull = "/v1/sync/pull"
    public static let health = "/v1/health"
    public static let ready = "/v1/health/ready"
    public static let digest = "/v1/sync/digest"
    public static let audit = "/v1/audit/push"
    public static let auditEvents = "/v1/audit/events"
}

/// Versions of the wire format: every message carries `schema_version`; the server
/// accepts the current version and the one before it, so devices can be upgraded one by one.
///
/// The wire version is the data schema version (``ClinicSchema/version``): a change of what a
/// row holds is a change of what travels, so one number describes both.
public enum WireVersion {
    public static let current = ClinicSchema.version
    public static var accepted: ClosedRange<Int> { max(1, current - 1)...current }

    /// Whether a message of `version` can be processed.
    public static func isAccepted(_ version: Int) -> Bool { accepted.contains(version) }
}

/// Limits both sides enforce.
public enum SyncLimits {
    /// Most changes in one push.
    public static let maxBatch = 500
    /// Largest request body the server reads, in bytes.
    public static let maxBodyBytes = 8 * 1024 * 1024
    /// Most changes in one pull page (a page may run over to finish a transaction).
    public static let maxPullLimit = 5_000
    /// How far ahead of the server's clock a change may be stamped.
    public static let maxClockAheadMillis: UInt64 = 5 * 60 * 1000
}
