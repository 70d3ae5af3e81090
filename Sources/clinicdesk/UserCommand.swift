import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation
import PasswordHashing

/// `clinicdesk user add|list|unlock`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the clinic's users.", subcommands: [Add.self, List.self, Unlock.self]
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
}
