public import ClinicCore
public import Foundation
import GRDB

/// Sign-in sessions: each sign-in on a terminal is a row of `user_session` (local to this
/// database). Ending them commits like any write, so every terminal on the database notices
/// within the change stream's interval and signs that user out.
extension ClinicStore {
    /// Records a sign-in of `user` on `terminal` by this process; audited.
    public func startSession(user: User, terminal: String, processID: Int32) throws(StoreError) -> UUID {
        try write(nil, by: Author(user: user)) { writer in
            let id = writer.transactionID
            let device = try String.fetchOne(writer.db, sql: "SELECT device_name FROM local_device") ?? ""
            try writer.db.execute(sql: """
                INSERT INTO user_session (id, user_id, username, device, terminal, process_id, started_at, last_active_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id.lowercased, user.id.description, user.username, device, terminal, processID,
                                 ISOInstant.format(writer.now), ISOInstant.format(writer.now)])
            writer.wrote("user_session")
            try writer.audit("session.start", table: "user_session", id.lowercased, "\(user.username) signed in on \(device) \(terminal)")
            return id
        }
    }

    /// Notes that the session's user is still at the keys (not audited, and no other terminal is told).
    public func touchSession(_ id: UUID) throws(StoreError) {
        let now = ISOInstant.format(environment.clock.now())
        try maintain([]) { db in
            try db.execute(sql: "UPDATE user_session SET last_active_at = ? WHERE id = ? AND ended_at IS NULL",
                           arguments: [now, id.lowercased])
        }
    }

    /// Ends one session (signed out, or the terminal closed); audited. Ending an ended one does nothing.
    public func endSession(_ id: UUID, reason: String) throws(StoreError) {
        guard let session = try session(id), session.endedAt == nil else { return }
        try write(nil, by: .system("session")) { writer in
            try writer.db.execute(sql: "UPDATE user_session SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
                                  arguments: [ISOInstant.format(writer.now), reason, id.lowercased])
            writer.wrote("user_session")
            try writer.audit("session.end", table: "user_session", id.lowercased,
                             "\(session.username)'s session on \(session.device) \(session.terminal) ended: \(reason)")
        }
    }

    /// Ends every session this process started and left open (the terminal is closing).
    public func endSessions(ofProcess processID: Int32, reason: String) throws(StoreError) {
        let open = try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM user_session WHERE process_id = ? AND ended_at IS NULL", arguments: [processID])
        }
        for id in open.compactMap(UUID.init(uuidString:)) { try endSession(id, reason: reason) }
    }

    /// "Sign out everywhere": ends every open session of `username` on every terminal of this
    /// database (admins: `manageUsers`); returns how many were open.
    @discardableResult
    public func endAllSessions(username: String, by author: Author) throws(StoreError) -> Int {
        try write(.manageUsers, by: author) { writer in
            let ended = try Self.endOpenSessions(where: "username", is: username.lowercased(),
                                                 reason: "signed out everywhere by \(author.name)", &writer)
            try writer.audit("session.end-all", table: "user_session", username.lowercased(),
                             "Signed \(username.lowercased()) out everywhere (\(ended) open session\(ended == 1 ? "" : "s"))")
            return ended
        }
    }

    /// Ends the open sessions whose `column` is `value` within a write; their terminals notice
    /// the commit and show the sign-in screen. Returns how many were open.
    static func endOpenSessions(where column: String, is value: String, reason: String, _ writer: inout ChangeWriter) throws -> Int {
        try writer.db.execute(sql: "UPDATE user_session SET ended_at = ?, end_reason = ? WHERE \(column) = ? AND ended_at IS NULL",
                              arguments: [ISOInstant.format(writer.now), reason, value])
        writer.wrote("user_session")
        return writer.db.changesCount
    }

    /// One session, ended or not.
    public func session(_ id: UUID) throws(StoreError) -> UserSession? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM user_session WHERE id = ?", arguments: [id.lowercased]) }
            .flatMap(Self.userSession)
    }

    /// The sessions still open, most recently active first.
    public func openSessions() throws(StoreError) -> [UserSession] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM user_session WHERE ended_at IS NULL ORDER BY last_active_at DESC") }
            .compactMap(Self.userSession)
    }

    /// Of `ids`, the sessions that have ended (or never existed).
    public func endedSessions(among ids: [UUID]) throws(StoreError) -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        let open = try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM user_session WHERE ended_at IS NULL AND id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                                arguments: StatementArguments(ids.map(\.lowercased)))
        }
        return Set(ids).subtracting(open.compactMap(UUID.init(uuidString:)))
    }

    private static func userSession(_ row: Row) -> UserSession? {
        guard let id = UUID(uuidString: row["id"]), let user = EntityID<User>(row["user_id"] as String),
              let started = ISOInstant.parse(row["started_at"]), let active = ISOInstant.parse(row["last_active_at"]) else { return nil }
        return UserSession(id: id, userID: user, username: row["username"], device: row["device"], terminal: row["terminal"],
                           startedAt: started, lastActiveAt: active, endedAt: (row["ended_at"] as String?).flatMap(ISOInstant.parse),
                           endReason: row["end_reason"])
    }
}
