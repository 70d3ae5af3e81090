/// One audit event as the chain sees it: its place, its content and the hash stored with it.
public struct AuditLink: Sendable, Hashable {
    /// Its number in this device's chain; nil for a row that was never chained (inserted by hand).
    public var seq: Int64?
    public var id: String
    public var at: String
    public var deviceID: String
    public var userID: String?
    public var actor: String
    public var action: String
    public var entityTable: String
    public var entityID: String
    public var patientID: String?
    public var summary: String
    public var hlc: String?
    /// The stored hash: over the previous event's hash and this event's canonical content.
    public var hash: String?

    public init(seq: Int64?, id: String, at: String, deviceID: String, userID: String?, actor: String, action: String,
                entityTable: String, entityID: String, patientID: String?, summary: String, hlc: String?, hash: String?) {
        self.seq = seq
        self.id = id
        self.at = at
        self.deviceID = deviceID
        self.userID = userID
        self.actor = actor
        self.action = action
        self.entityTable = entityTable
        self.entityID = entityID
        self.patientID = patientID
        self.summary = summary
        self.hlc = hlc
        self.hash = hash
    }

    /// The bytes that are hashed: every field in a fixed order, each as its UTF-8 length, a
    /// colon, the bytes and a semicolon (`~;` for none), so no two contents share an encoding.
    public var canonical: [UInt8] {
        let fields: [String?] = [seq.map(String.init), id, at, deviceID, userID, actor, action, entityTable, entityID, patientID,
                                 summary, hlc]
        var bytes: [UInt8] = []
        for field in fields {
            guard let field else {
                bytes += Array("~;".utf8)
                continue
            }
            bytes += Array("\(field.utf8.count):".utf8) + Array(field.utf8) + [UInt8(ascii: ";")]
        }
        return bytes
    }

    /// How an event is named to whoever investigates: its number, time, action, actor and id.
    public var label: String {
        "\(seq.map { "#\($0)" } ?? "unnumbered event") (\(at), \(action) by \(actor), id \(id))"
    }
}

/// What a check of the chain found first.
public enum AuditChainProblem: Sendable, Hashable, CustomStringConvertible {
    /// The event's content or hash no longer matches: it was edited.
    case changed(AuditLink)
    /// The event is not part of the chain: it was added afterwards.
    case inserted(AuditLink)
    /// The event numbered `seq` is missing, between `after` and `before` (nil at either end).
    case removed(seq: Int64, after: AuditLink?, before: AuditLink?)

    public var description: String {
        switch self {
        case let .changed(link):
            "Audit event \(link.label) was changed: its content does not match its hash."
        case let .inserted(link):
            "Audit event \(link.label) was inserted: it is not part of this device's chain."
        case let .removed(seq, after, before):
            "Audit event #\(seq) was removed"
                + (after.map { " (it came after \($0.label)" } ?? " (it was the first")
                + (before.map { " and before \($0.label))." } ?? (after == nil ? ")." : " and was among the newest)."))
        }
    }
}

/// The result of checking a chain: how many events were checked, and the first problem.
public struct AuditChainReport: Sendable, Hashable {
    public var checked: Int
    public var problem: AuditChainProblem?

    public init(checked: Int, problem: AuditChainProblem?) {
        self.checked = checked
        self.problem = problem
    }
}

/// A tamper-evident chain of audit events, one per device: each event's hash covers the
/// previous event's hash and its own canonical content, and the device keeps the newest
/// number and hash. Editing, removing or inserting an event by hand (with `sqlite3`) breaks
/// the chain at that event. Someone who rewrites every later hash as well is caught by the
/// server, which has the chain up to its last sync.
public enum AuditChain {
    /// The hash an event gets after `previous` (empty for the first event).
    public static func link(_ event: AuditLink, after previous: String, hash: ([UInt8]) -> String) -> String {
        hash(Array(previous.utf8) + event.canonical)
    }

    /// Checks `events` (this device's, in chain order; unnumbered ones anywhere) against the
    /// device's newest number and hash, and names the first problem.
    public static func verify(
        _ events: [AuditLink], headSeq: Int64, headHash: String, hash: ([UInt8]) -> String
    ) -> AuditChainReport {
        let numbered = events.filter { $0.seq != nil }.sorted { $0.seq! < $1.seq! }
        var expected: Int64 = 1
        var previousHash = ""
        var previous: AuditLink?
        for event in numbered {
            let seq = event.seq!
            if seq < expected || seq > headSeq { return AuditChainReport(checked: Int(expected - 1), problem: .inserted(event)) }
            if seq > expected {
                return AuditChainReport(checked: Int(expected - 1), problem: .removed(seq: expected, after: previous, before: event))
            }
            guard event.hash == link(event, after: previousHash, hash: hash) else {
                return AuditChainReport(checked: Int(expected - 1), problem: .changed(event))
            }
            previousHash = event.hash ?? ""
            previous = event
            expected += 1
        }
        if expected - 1 < headSeq {
            return AuditChainReport(checked: Int(expected - 1), problem: .removed(seq: expected, after: previous, before: nil))
        }
        if let previous, previousHash != headHash {
            // Every hash matches its content, but not the one the device kept: the newest was rewritten.
            return AuditChainReport(checked: Int(expected - 2), problem: .changed(previous))
        }
        if let stray = events.first(where: { $0.seq == nil }) {
            return AuditChainReport(checked: numbered.count, problem: .inserted(stray))
        }
        return AuditChainReport(checked: numbered.count, problem: nil)
    }
}
