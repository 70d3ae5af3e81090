public import ClinicCore
import Foundation
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

    /// The active user with this username whose stored password hash `verifies` accepts.
    ///
    /// Usernames are unique on one device but not across a clinic: two devices working offline
    /// can each add a "sam", and sync keeps both people. Every active match is tried, oldest
    /// first, so each of them still signs in with their own password.
    public func signIn(username: String, verifying verifies: (String) -> Bool) throws(StoreError) -> User? {
        try credentialCandidates(username: username).first { verifies($0.passwordHash) }?.user
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
