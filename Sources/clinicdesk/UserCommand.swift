import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation
import ClinicDeskLive
import PasswordHashing

/// `clinicdesk user add|list|unlock|sessions|sign-out-everywhere`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the clinic's users.", subcommands: [Add.self, List.self, Unlock.self, Sessions.self, SignOutEverywhere.self]
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
}
