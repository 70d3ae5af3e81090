import ArgumentParser
import ClinicCore
import ClinicStore
import FrontDesk
import PasswordHashing

/// `--as USER` with the user's password (asked without echo, or one line with
/// `--password-stdin`): a command acts as a person only once that person proved it.
struct SignedInUser: ParsableArguments {
    @Option(name: .customLong("as"), help: "The user doing this; their password is asked for.")
    var username: String

    @Flag(help: "Read the password as one line of standard input (a command that sets a new password reads it from the next line).")
    var passwordStdin = false

    /// The user, once their password matched; a wrong one is refused without saying which part was wrong.
    ///
    /// - Parameter permission: what the command does, checked against the user's role before
    ///   anything is read (for reads, which the store does not check; writes are checked again
    ///   by the store, the final guard).
    /// - Parameter acceptingTemporary: true only for choosing one's own password; everything
    ///   else is refused until a temporary password has been replaced.
    func user(in store: ClinicStore, may permission: Permission? = nil, acceptingTemporary: Bool = false) throws -> User {
        let password = try PasswordInput.read(fromStandardInput: passwordStdin, newFor: nil, owner: username.lowercased())
        let hasher = Argon2idHasher()
        let answer = try store.signIn(username: username, lockout: try AppConfiguration.loadDefault().lockout, decoy: hasher.decoyHash) {
            hasher.verify(password, against: $0)
        }
        let user: User
        switch answer {
        case let .signedIn(signedIn): user = signedIn
        case let .mustChangePassword(signedIn):
            guard acceptingTemporary else {
                throw CommandFailure("\(signedIn.username)'s password is temporary (an admin set it): choose your own first with "
                                     + "`clinicdesk user password --as \(signedIn.username)`, or by signing in at a terminal.")
            }
            user = signedIn
        case let .refused(remaining): throw CommandFailure(SignInWords.refused(remaining: remaining))
        case let .locked(until): throw CommandFailure(SignInWords.locked(until: until, timeZone: store.timeZone))
        }
        if let permission, !user.role.may(permission) {
            throw StoreError.notPermitted(role: user.role, permission: permission)
        }
        return user
    }
}
