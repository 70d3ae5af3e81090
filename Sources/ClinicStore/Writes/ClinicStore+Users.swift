public import ClinicCore
public import Foundation
import GRDB

extension ClinicStore {
    /// Adds a member of staff. `passwordHash` is an encoded Argon2id hash (the store never sees passwords).
    @discardableResult
    public func createUser(
        username: String, displayName: String, role: Role, passwordHash: String, by author: Author
    ) throws(StoreError) -> User {
        try write(.manageUsers, by: author) { writer in
            let username = try Usernames.validated(username)
            let display = NameRule.tidy(displayName.isEmpty ? username : displayName)
            if let problem = NameRule.problem(with: display, label: "display name") {
                throw ValidationFailure([FieldProblem(field: "display name", message: problem)])
            }
            let taken = try UserRecord
                .filter(Column("username") == username && Column("deleted_at") == nil)
                .fetchCount(writer.db) > 0
            guard !taken else { throw StoreError.alreadyExists("The username “\(username)” is already taken.") }
            let user = User(id: environment.ids.id(), username: username, displayName: display, role: role)
            var record = UserRecord(
                id: user.id.description, username: username, displayName: display, role: role.rawValue,
                passwordHash: passwordHash, isActive: true, createdAt: ISOInstant.format(writer.now), hlc: "", originDevice: ""
            )
            try writer.insert(&record)
            try writer.audit("user.create", UserRecord.self, record.id, "Added \(role) \(username)")
            return user
        }
    }

    /// Every user, active first, by username.
    public func users() throws(StoreError) -> [User] {
        try read { db in
            try UserRecord.filter(Column("deleted_at") == nil).order(Column("username")).fetchAll(db).map { try $0.user }
        }
    }

    /// The active user with this username and their stored password hash; the oldest when
    /// several have it (see ``signIn(username:verifying:)``).
    public func credentials(username: String) throws(StoreError) -> (user: User, passwordHash: String)? {
        try credentialCandidates(username: username).first
    }

    /// Signs in the active user with this username whose stored password hash `verifies` accepts,
    /// unless the username is locked by too many wrong passwords in a row.
    ///
    /// Usernames are unique on one device but not across a clinic: two devices working offline
    /// can each add a "sam", and sync keeps both people. Every active match is tried, oldest
    /// first, so each of them still signs in with their own password. When nobody has the
    /// username, `decoy` (a hash with the live cost, ``PasswordHasher/decoyHash``) is checked
    /// instead, so an unknown username takes as long as a known one. Every refusal, lock and
    /// refusal while locked is audited; a sign-in clears the count.
    public func signIn(
        username typed: String, lockout: SignInLockout = .standard, decoy: String, verifying verifies: (String) -> Bool
    ) throws(StoreError) -> SignInAnswer {
        let username = typed.lowercased()
        let now = environment.clock.now()
        let lock = try read { db in try Row.fetchOne(db, sql: "SELECT failures, locked_until FROM sign_in_lock WHERE username = ?",
                                                       arguments: [username]) }
        if let until = (lock?["locked_until"] as String?).flatMap(ISOInstant.parse), until > now {
            try write(nil, by: .system("sign-in")) { writer in try Self.auditLockedRefusal(&writer, username, until: until) }
            return .locked(until: until)
        }
        let candidates = try credentialCandidates(username: username)
        if candidates.isEmpty {
            _ = verifies(decoy)
        } else if let match = candidates.first(where: { verifies(TemporaryPassword.split($0.passwordHash).hash) }) {
            if lock != nil {
                try maintain(["sign_in_lock"]) { db in try db.execute(sql: "DELETE FROM sign_in_lock WHERE username = ?", arguments: [username]) }
            }
            return TemporaryPassword.split(match.passwordHash).isTemporary ? .mustChangePassword(match.user) : .signedIn(match.user)
        }
        return try recordFailure(username, lockout: lockout, at: now)
    }

    /// Counts a wrong password in one transaction that rereads the count, so that two terminals
    /// refusing the same username at once both count.
    private func recordFailure(_ username: String, lockout: SignInLockout, at now: Date) throws(StoreError) -> SignInAnswer {
        try write(nil, by: .system("sign-in")) { writer in
            let row = try Row.fetchOne(writer.db, sql: "SELECT failures, locked_until FROM sign_in_lock WHERE username = ?",
                                       arguments: [username])
            // Another terminal may have locked it since this sign-in began.
            if let until = (row?["locked_until"] as String?).flatMap(ISOInstant.parse), until > now {
                try Self.auditLockedRefusal(&writer, username, until: until)
                return .locked(until: until)
            }
            let next = lockout.afterFailure(row?["failures"] ?? 0, at: now)
            try writer.db.execute(
                sql: """
                    INSERT INTO sign_in_lock (username, failures, locked_until) VALUES (?, ?, ?)
                    ON CONFLICT(username) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until
                    """, arguments: [username, next.failures, next.lockedUntil.map(ISOInstant.format)])
            writer.wrote("sign_in_lock")
            if let until = next.lockedUntil {
                try writer.audit("sign-in.locked", table: "sign_in_lock", username,
                                 "\(lockout.maxFailures) wrong passwords in a row for “\(username)”: locked until \(ISOInstant.format(until))")
                return .locked(until: until)
            }
            try writer.audit("sign-in.failed", table: "sign_in_lock", username,
                             "Wrong username or password for “\(username)” (\(next.failures) of \(lockout.maxFailures))")
            return .refused(remaining: lockout.maxFailures - next.failures)
        }
    }

    /// Whether `username` is locked now, and until when.
    public func signInLock(username: String) throws(StoreError) -> Date? {
        let now = environment.clock.now()
        let until = try read { db in
            try String.fetchOne(db, sql: "SELECT locked_until FROM sign_in_lock WHERE username = ?", arguments: [username.lowercased()])
        }
        return until.flatMap(ISOInstant.parse).flatMap { $0 > now ? $0 : nil }
    }

    /// Lifts a username's lock and clears its count of wrong passwords (admins: `manageUsers`).
    public func unlockSignIn(username typed: String, by author: Author) throws(StoreError) {
        let username = typed.lowercased()
        try write(.manageUsers, by: author) { writer in
            let removed = try Int.fetchOne(writer.db, sql: "DELETE FROM sign_in_lock WHERE username = ? RETURNING 1", arguments: [username])
            guard removed != nil else {
                throw ValidationFailure([FieldProblem(field: "username", message: "“\(username)” is not locked and has no wrong passwords counted.")])
            }
            writer.wrote("sign_in_lock")
            try writer.audit("sign-in.unlocked", table: "sign_in_lock", username, "Unlocked sign-in for “\(username)”")
        }
    }

    /// Audits a sign-in refused because the username is locked (no password was checked).
    private static func auditLockedRefusal(_ writer: inout ChangeWriter, _ username: String, until: Date) throws {
        writer.wrote("sign_in_lock")  // what the commit concerns, so other terminals do not reread everything
        try writer.audit("sign-in.refused-locked", table: "sign_in_lock", username,
                         "Sign-in as “\(username)” refused: locked until \(ISOInstant.format(until))")
    }

    private func credentialCandidates(username: String) throws(StoreError) -> [(user: User, passwordHash: String)] {
        try read { db in
            try UserRecord
                .filter(Column("username") == username.lowercased() && Column("deleted_at") == nil && Column("is_active") == true)
                .order(Column("id"))  // UUIDv7: creation order
                .fetchAll(db)
                .map { (try $0.user, $0.passwordHash) }
        }
    }
}
