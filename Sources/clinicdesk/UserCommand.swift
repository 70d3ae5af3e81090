import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation
import ClinicDeskLive
import PasswordHashing

/// `clinicdesk user add|list|unlock|sessions|sign-out-everywhere|role|disable|enable|reset-password|password`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the clinic's users.", subcommands: [Add.self, List.self, Unlock.self, Sessions.self, SignOutEverywhere.self, SetRole.self, Disable.self, Enable.self,
                      ResetPassword.self, Password.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user (an admin, with their password, then the new one's twice).")

        @Argument(help: "The new user's login name.")
        var username: String

        @Option(help: "admin, receptionist, doctor or nurse.")
        var role: String

        @Option(name: .customLong("name"), help: "Name shown on screen (default: the username).")
        var displayName: String?

        @OptionGroup var signedIn: SignedInUser
        @OptionGroup var database: DatabaseOption

        func run() throws {
            guard let role = Role(name: role) else {
                throw CommandFailure("Unknown role “\(role)”; use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let username = try Usernames.validated(username)
            let store = try database.openStore()
            let admin = try signedIn.user(in: store, may: .manageUsers)
            let password = try PasswordInput.read(fromStandardInput: signedIn.passwordStdin, newFor: username)
            let user = try store.createUser(
                username: username, displayName: displayName ?? username, role: role,
                passwordHash: try Argon2idHasher().hash(password), by: Author(user: admin)
            )
            print("Added \(user.role) \(user.username)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users (an admin, with their password).")

        @OptionGroup var signedIn: SignedInUser
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let store = try database.openStore()
            _ = try signedIn.user(in: store, may: .manageUsers)
            let users = try store.users()
            let width = max(8, users.map(\.username.count).max() ?? 0)
            print("USERNAME".padding(toLength: width, withPad: " ", startingAt: 0) + "  ROLE          NAME")
            for user in users {
                print(user.username.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                      + user.role.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0) + "  " + user.displayName
                      + (user.isActive ? "" : " (inactive)"))
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lift the lock that wrong passwords put on a username (an admin, with their password).")

        @Argument(help: "The locked username.")
        var username: String

        @OptionGroup var database: DatabaseOption
        @OptionGroup var signedIn: SignedInUser

        func run() throws {
            let store = try database.openStore()
            let admin = try signedIn.user(in: store)
            try store.unlockSignIn(username: username, by: Author(user: admin))
            print("Unlocked \(username.lowercased()): the next sign-in is checked at once.")
        }
    }

    struct Sessions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List who is signed in where: user, device, terminal, since, last active (an admin).")

        @OptionGroup var signedIn: SignedInUser
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let store = try database.openStore()
            _ = try signedIn.user(in: store, may: .manageUsers)
            let zone = try store.clinic().timeZone
            let sessions = try store.openSessions()
            guard !sessions.isEmpty else {
                print("Nobody is signed in.")
                return
            }
            let width = max(8, sessions.map(\.username.count).max() ?? 0)
            print("USERNAME".padding(toLength: width, withPad: " ", startingAt: 0) + "  SINCE             LAST ACTIVE       WHERE")
            for session in sessions {
                print(session.username.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                      + SlipText.moment(session.startedAt, timeZone: zone) + "  " + SlipText.moment(session.lastActiveAt, timeZone: zone)
                      + "  \(session.device) \(session.terminal)")
            }
        }
    }

    struct SignOutEverywhere: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign-out-everywhere",
            abstract: "End every session of a user on every terminal of this database within a second (an admin).")

        @Argument(help: "The username to sign out.")
        var username: String

        @OptionGroup var signedIn: SignedInUser
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let store = try database.openStore()
            let admin = try signedIn.user(in: store, may: .manageUsers)
            let ended = try store.endAllSessions(username: username, by: Author(user: admin))
            print(ended == 0 ? "\(username.lowercased()) was not signed in anywhere."
                  : "Signed \(username.lowercased()) out of \(ended) session\(ended == 1 ? "" : "s"); their terminals show the sign-in screen.")
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Change a user's role (an admin).")

        @OptionGroup var target: AdministeredUser

        @Argument(help: "admin, receptionist, doctor or nurse.")
        var role: String

        func run() throws {
            guard let role = Role(name: role) else {
                throw CommandFailure("Unknown role “\(role)”; use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let (store, admin, chosen) = try target.resolve()
            let user = try store.changeRole(of: chosen.id, to: role, by: admin)
            print("\(user.username) is now \(user.role == .admin ? "an" : "a") \(user.role).")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop a user signing in, and end their sessions; their records and audit history stay theirs (an admin).")

        @OptionGroup var target: AdministeredUser

        func run() throws {
            let (store, admin, chosen) = try target.resolve()
            let user = try store.setActive(chosen.id, false, by: admin)
            print("Disabled \(user.username): they cannot sign in, and any terminal they were on shows the sign-in screen.")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a disabled user sign in again (an admin).")

        @OptionGroup var target: AdministeredUser

        func run() throws {
            let (store, admin, chosen) = try target.resolve()
            let user = try store.setActive(chosen.id, true, by: admin)
            print("Enabled \(user.username).")
        }
    }

    struct ResetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Give a user a temporary password for one sign-in, after which they choose their own (an admin).")

        @OptionGroup var target: AdministeredUser

        func run() throws {
            let (store, admin, chosen) = try target.resolve()
            let temporary = TemporaryPasswords.make()
            let user = try store.resetPassword(of: chosen.id, temporaryHash: try Argon2idHasher().hash(temporary), by: admin)
            print("Temporary password for \(user.username): \(temporary)")
            print("Give it to them in person; at their next sign-in they choose their own.")
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Choose your own new password (your current or temporary one first, then the new one twice).")

        @OptionGroup var signedIn: SignedInUser
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let store = try database.openStore()
            let user = try signedIn.user(in: store, acceptingTemporary: true)
            let password = try PasswordInput.read(fromStandardInput: signedIn.passwordStdin, newFor: user.username)
            _ = try store.changePassword(of: user.id, newHash: try Argon2idHasher().hash(password), by: Author(user: user))
            print("Saved \(user.username)'s new password.")
        }
    }
}

/// The user an admin's command is about (`USER --as ADMIN`), once the admin proved who they are.
struct AdministeredUser: ParsableArguments {
    @Argument(help: "The username.")
    var username: String

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    func resolve() throws -> (store: ClinicStore, admin: Author, user: User) {
        let store = try database.openStore()
        let admin = try signedIn.user(in: store, may: .manageUsers)
        return (store, Author(user: admin), try UserLookup.one(username, in: store))
    }
}

/// Finding the user a command names.
enum UserLookup {
    static func one(_ username: String, in store: ClinicStore) throws -> User {
        let matches = try store.users().filter { $0.username == username.lowercased() }
        guard let user = matches.first else { throw CommandFailure("No user “\(username)”.") }
        guard matches.count == 1 else {
            throw CommandFailure("Two users are called “\(username)” (added on different devices while offline); "
                                 + "this command cannot tell which one you mean.")
        }
        return user
    }
}
