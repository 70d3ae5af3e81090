import ClinicCore
import ClinicStore
import FrontDesk

extension LiveDependencies {
    /// The staff screen over the store: temporary passwords are made here and hashed before
    /// the store sees them, and shown once to the admin.
    static func staff(_ store: ClinicStore, hasher: any PasswordHasher) -> StaffClient {
        StaffClient(
            members: { try desk { try store.staffRoster() } },
            add: { draft, admin in
                let temporary = TemporaryPasswords.make()
                let hash = try hasher.hash(temporary)
                let user = try desk {
                    try store.createUser(username: draft.username, displayName: draft.displayName, role: draft.role,
                                         temporaryPasswordHash: hash, by: Author(user: admin))
                }
                return (user, temporary)
            },
            setRole: { id, role, admin in try desk { try store.changeRole(of: id, to: role, by: Author(user: admin)) } },
            setActive: { id, active, admin in try desk { try store.setActive(id, active, by: Author(user: admin)) } },
            resetPassword: { id, admin in
                let temporary = TemporaryPasswords.make()
                let hash = try hasher.hash(temporary)
                _ = try desk { try store.resetPassword(of: id, temporaryHash: hash, by: Author(user: admin)) }
                return temporary
            },
            signOutEverywhere: { username, admin in try desk { try store.endAllSessions(username: username, by: Author(user: admin)) } },
            unlock: { username, admin in try desk { try store.unlockSignIn(username: username, by: Author(user: admin)) } }
        )
    }
}
