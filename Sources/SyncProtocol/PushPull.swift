public import Foundation

/// `POST /v1/sync/push`: a batch of at most ``SyncLimits/maxBatch`` changes, applied in one transaction.
public struct PushRequest: Codable, Hashable, Sendable {
    public var schemaVersion: Int
    public var deviceID: UUID
    /// Identifies the batch in logs; replays are recognised per change id, not per batch.
    public var batchID: UUID
    public var changes: [WireChange]

    public init(schemaVersion: Int = WireVersion.current, deviceID: UUID, batchID: UUID, changes: [WireChange]) {
        self.schemaVersion = schemaVersion
        self.deviceID = deviceID
        self.batchID = batchID
        self.changes = changes
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", deviceID = "device", batchID = "batch_id", changes
    }
}

/// What became of one pushed change.
public enum ChangeOutcome: String, Codable, Hashable, Sendable, CaseIterable {
    /// Applied; it will be sent to the clinic's other devices.
    case applied
    /// Seen before: this is the stored result of the first time.
    case duplicate
    /// Applied, but it disagreed with another device's write; a conflict was recorded.
    case conflict
    /// Not applied (reason given); the device quarantines it for a person to look at.
    case rejected
}

/// The server's answer for one change.
public struct ChangeResult: Codable, Hashable, Sendable {
    public var changeID: UUID
    public var outcome: ChangeOutcome
    /// For `duplicate`, the outcome of the first time it was pushed.
    public var originalOutcome: ChangeOutcome?
    public var reason: String?

    public init(changeID: UUID, outcome: ChangeOutcome, originalOutcome: ChangeOutcome? = nil, reason: String? = nil) {
        self.changeID = changeID
        self.outcome = outcome
        self.originalOutcome = originalOutcome
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case changeID = "change_id", outcome, originalOutcome = "original_outcome", reason
    }
}

/// The answer to a push: one result per change, in the order sent.
public struct PushResponse: Codable, Hashable, Sendable {
    public var schemaVersion: Int
    public var batchID: UUID
    public var results: [ChangeResult]

    public init(schemaVersion: Int = WireVersion.current, batchID: UUID, results: [ChangeResult]) {
        self.schemaVersion = schemaVersion
        self.batchID = batchID
        self.results = results
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", batchID = "batch_id", results
    }
}

/// One change in a pull page: its place in the clinic's sequence and which device wrote it.
public struct PulledChange: Codable, Hashable, Sendable {
    public var sequence: Int64
    public var originDevice: UUID
    public var change: WireChange

    public init(sequence: Int64, originDevice: UUID, change: WireChange) {
        self.sequence = sequence
        self.originDevice = originDevice
        self.change = change
    }

    enum CodingKeys: String, CodingKey {
        case sequence, originDevice = "origin_device", change
    }
}

/// `GET /v1/sync/pull?cursor=&limit=`: the clinic's changes after `cursor`, in sequence order.
public struct PullResponse: Codable, Hashable, Sendable {
    public var schemaVersion: Int
    public var changes: [PulledChange]
    /// Pass as `cursor` next time; equals the request's cursor when nothing is new.
    public var nextCursor: Int64
    public var hasMore: Bool

    public init(schemaVersion: Int = WireVersion.current, changes: [PulledChange], nextCursor: Int64, hasMore: Bool) {
        self.schemaVersion = schemaVersion
        self.changes = changes
        self.nextCursor = nextCursor
        self.hasMore = hasMore
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", changes, nextCursor = "next_cursor", hasMore = "has_more"
    }
}

/// `GET /v1/sync/digest`: a hash over every synced field of the clinic, to compare replicas.
public struct DigestResponse: Codable, Hashable, Sendable {
    public var schemaVersion: Int
    /// Lowercase hex SHA-256 of the sorted ``SyncDigest`` lines.
    public var digest: String
    public var fields: Int
    public var cursor: Int64

    public init(schemaVersion: Int = WireVersion.current, digest: String, fields: Int, cursor: Int64) {
        self.schemaVersion = schemaVersion
        self.digest = digest
        self.fields = fields
        self.cursor = cursor
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", digest, fields, cursor
    }
}
