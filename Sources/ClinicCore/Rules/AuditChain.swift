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
/// the chain at that event. Without a secret nothing on the device itself is proof against
/// someone who also rewrites the later hashes and the kept head (or cuts the newest events and
/// winds the head back): the server, which holds the chain up to the last sync, catches that.
public enum AuditChain {
    /// The hash an event gets after `previous` (empty for the first event).
    public static func link(_ event: AuditLink, after previous: String, hash: ([UInt8]) -> String) -> String {
        hash(Array(previous.utf8) + event.canonical)
    }

    /// Checks `events` (this device's; unnumbered ones anywhere) against the device's newest
    /// number and hash, and names the first problem.
    public static func verify(
        _ events: [AuditLink], headSeq: Int64, headHash: String, hash: @escaping ([UInt8]) -> String
    ) -> AuditChainReport {
        var verifier = AuditChainVerifier(headSeq: headSeq, headHash: headHash, hash: hash)
        for event in events.filter({ $0.seq != nil }).sorted(by: { $0.seq! < $1.seq! }) where !verifier.add(event) { break }
        return verifier.finish(unnumbered: events.first { $0.seq == nil })
    }
}

/// The check of one device's chain, an event at a time in chain order, so that a trail of
/// millions of events is checked without holding it in memory.
public struct AuditChainVerifier {
    private let headSeq: Int64
    private let headHash: String
    private let hash: ([UInt8]) -> String
    private var expected: Int64 = 1
    private var previousHash = ""
    private var previous: AuditLink?
    private var problem: AuditChainProblem?

    public init(headSeq: Int64, headHash: String, hash: @escaping ([UInt8]) -> String) {
        self.headSeq = headSeq
        self.headHash = headHash
        self.hash = hash
    }

    /// Checks the next numbered event; false once a problem is found (the rest need not be read).
    public mutating func add(_ event: AuditLink) -> Bool {
        guard problem == nil, let seq = event.seq else { return problem == nil }
        if seq < expected || seq > headSeq {
            problem = .inserted(event)
        } else if seq > expected {
            problem = .removed(seq: expected, after: previous, before: event)
        } else if event.hash != AuditChain.link(event, after: previousHash, hash: hash) {
            problem = .changed(event)
        } else {
            previousHash = event.hash ?? ""
            previous = event
            expected += 1
        }
        return problem == nil
    }

    /// The report once every numbered event was added; `unnumbered` is any event without a number.
    public func finish(unnumbered: AuditLink?) -> AuditChainReport {
        let checked = Int(expected - 1)
        if let problem { return AuditChainReport(checked: checked, problem: problem) }
        if checked < headSeq {
            return AuditChainReport(checked: checked, problem: .removed(seq: expected, after: previous, before: nil))
        }
        if let previous, previousHash != headHash {
            // Every hash matches its content, but not the one the device kept: the newest was rewritten.
            return AuditChainReport(checked: checked - 1, problem: .changed(previous))
        }
        if let unnumbered { return AuditChainReport(checked: checked, problem: .inserted(unnumbered)) }
        return AuditChainReport(checked: checked, problem: nil)
    }
}
