public import ClinicCore
public import Foundation
import GRDB

/// A password an admin set for someone: it signs in once, and then must be replaced. The mark
/// is part of the stored hash, so it syncs with it and every device asks for the change.
enum TemporaryPassword {
    static let prefix = "temporary:"

    /// The hash to verify against, and whether it is temporary.
    static func split(_ stored: String) -> (hash: String, isTemporary: Bool) {
        stored.hasPrefix(prefix) ? (String(stored.dropFirst(prefix.count)), true) : (stored, false)
    }
}

/// Staff administration: roles, disabling (never deleting), passwords.
extension ClinicStore {
    /// Changes a user's role (admins). The last active admin keeps theirs.
    public func changeRole(of id: EntityID<User>, to role: Role, by author: Author) throws(StoreError) -> User {
        try updateUser(id, by: author, permission: .manageUsers) { record, writer in
            guard record.role != role.rawValue else { return nil }
            if record.role == Role.admin.rawValue { try Self.keepAnAdmin(besides: record, writer.db) }
            let old = record.role
            record.role = role.rawValue
            // Terminals signed in as them hold the old role: they sign in again to get the new one.
            try Self.endSessions(of: record, "role changed by \(author.name)", &writer)
            return ("user.role", "Changed \(record.username) from \(old) to \(role)")
        }
    }

    /// Disables or enables a user (admins). A disabled user cannot sign in, and their open
    /// sessions end; they stay in the records, with every audit event theirs.
    public func setActive(_ id: EntityID<User>, _ active: Bool, by author: Author) throws(StoreError) -> User {
        try updateUser(id, by: author, permission: .manageUsers) { record, writer in
            guard record.isActive != active else { return nil }
            if !active {
                if record.role == Role.admin.rawValue { try Self.keepAnAdmin(besides: record, writer.db) }
                try Self.endSessions(of: record, "disabled by \(author.name)", &writer)
            }
            record.isActive = active
            return (active ? "user.enable" : "user.disable", "\(active ? "Enabled" : "Disabled") \(record.username)")
        }
    }

    /// Sets a one-time temporary password (admins): it signs in once and must be changed then.
    public func resetPassword(of id: EntityID<User>, temporaryHash: String, by author: Author) throws(StoreError) -> User {
        try updateUser(id, by: author, permission: .manageUsers) { record, writer in
            record.passwordHash = TemporaryPassword.prefix + temporaryHash
            // Whoever is on their terminals (or their locked screens) must sign in again.
            try Self.endSessions(of: record, "temporary password set by \(author.name)", &writer)
            return ("user.password-reset", "Set a temporary password for \(record.username)")
        }
    }

    /// A user replaces their own password (or an admin sets someone's for good).
    public func changePassword(of id: EntityID<User>, newHash: String, by author: Author) throws(StoreError) -> User {
        let own = author.userID == id
        return try updateUser(id, by: author, permission: own ? nil : .manageUsers) { record, _ in
            record.passwordHash = newHash
            return ("user.password-change", own ? "\(record.username) changed their password" : "Changed \(record.username)'s password")
        }
    }

    /// Adds a user whose first password is a one-time temporary one (admins).
    public func createUser(
        username: String, displayName: String, role: Role, temporaryPasswordHash: String, by author: Author
    ) throws(StoreError) -> User {
        try createUser(username: username, displayName: displayName, role: role,
                       passwordHash: TemporaryPassword.prefix + temporaryPasswordHash, by: author)
    }

    /// Every user with when they last signed in here, how many terminals they are signed in on,
    /// and whether wrong passwords locked their username.
    public func staffRoster() throws(StoreError) -> [StaffMember] {
        let users = try users()
        let now = environment.clock.now()
        let (sessions, locks) = try read { db in
            (try Row.fetchAll(db, sql: """
                SELECT user_id, max(started_at) AS at, sum(ended_at IS NULL) AS open FROM user_session GROUP BY user_id
                """),
             try Row.fetchAll(db, sql: "SELECT username, locked_until FROM sign_in_lock WHERE locked_until IS NOT NULL"))
        }
        let byUser = Dictionary(uniqueKeysWithValues: sessions.map { ($0["user_id"] as String, $0) })
        let lockedUntil = Dictionary(uniqueKeysWithValues: locks.compactMap { row -> (String, Date)? in
            guard let until = ISOInstant.parse(row["locked_until"]), until > now else { return nil }
            return (row["username"], until)
        })
        return users.map { user in
            let row = byUser[user.id.description]
            return StaffMember(user: user, lastSignIn: (row?["at"] as String?).flatMap(ISOInstant.parse), openSessions: row?["open"] ?? 0,
                               lockedUntil: lockedUntil[user.username])
        }
    }

    private func updateUser(
        _ id: EntityID<User>, by author: Author, permission: Permission?,
        _ change: (inout UserRecord, inout ChangeWriter) throws -> (action: String, summary: String)?
    ) throws(StoreError) -> User {
        try write(permission, by: author) { writer in
            guard let old = try UserRecord.filter(Column("id") == id.description && Column("deleted_at") == nil).fetchOne(writer.db) else {
                throw StoreError.notFound(what: "user", id: id.description)
            }
            var record = old
            guard let (action, summary) = try change(&record, &writer) else { return try old.user }
            try writer.update(&record, from: old)
            try writer.audit(action, UserRecord.self, record.id, summary)
            return try record.user
        }
    }

    /// Ends a user's open sessions within a write: their terminals show the sign-in screen.
    private static func endSessions(of record: UserRecord, _ reason: String, _ writer: inout ChangeWriter) throws {
        _ = try endOpenSessions(where: "user_id", is: record.id, reason: reason, &writer)
    }

    /// Refuses to leave the clinic without an active admin.
    private static func keepAnAdmin(besides record: UserRecord, _ db: Database) throws {
        let others = try UserRecord.filter(Column("role") == Role.admin.rawValue && Column("is_active") == true
                                           && Column("deleted_at") == nil && Column("id") != record.id).fetchCount(db)
        guard others > 0 else {
            throw ValidationFailure([FieldProblem(field: "role", message: "\(record.username) is the only active admin; make another admin first.")])
        }
    }
}
