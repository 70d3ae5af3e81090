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

    @Flag(help: "Read the password as one line of standard input.")
    var passwordStdin = false

    /// The user, once their password matched; a wrong one is refused without saying which part was wrong.
    func user(in store: ClinicStore) throws -> User {
        let password = try PasswordInput.read(fromStandardInput: passwordStdin, newFor: nil)
        let hasher = Argon2idHasher()
        let answer = try store.signIn(username: username, lockout: try AppConfiguration.loadDefault().lockout, decoy: hasher.decoyHash) {
            hasher.verify(password, against: $0)
        }
        let user: User
        switch answer {
        case let .signedIn(signedIn): user = signedIn
        case let .refused(remaining): throw CommandFailure(SignInWords.refused(remaining: remaining))
        case let .locked(until): throw CommandFailure(SignInWords.locked(until: until, timeZone: store.timeZone))
        }
        return user
    }
}
