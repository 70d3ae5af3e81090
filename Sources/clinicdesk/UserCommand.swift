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
        static let configuration = CommandConfiguration(abstract: "Add a user.")

        @Argument(help: "The new user's login name.")
        var username: String

        @Option(help: "admin, receptionist, doctor or nurse.")
        var role: String

        @Option(name: .customLong("name"), help: "Name shown on screen (default: the username).")
        var displayName: String?

        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input.")
        var passwordFromStandardInput = false

        @OptionGroup var database: DatabaseOption

        func run() throws {
            guard let role = Role(name: role) else {
                throw CommandFailure("Unknown role “\(role)”; use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let username = try Usernames.validated(username)
            let store = try ClinicStore.open(at: database.resolved())
            let password = try PasswordInput.read(fromStandardInput: passwordFromStandardInput, newFor: username)
            let user = try store.createUser(
                username: username, displayName: displayName ?? username, role: role,
                passwordHash: try Argon2idHasher().hash(password), by: .system("user-add")
            )
            print("Added \(user.role) \(user.username)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")

        @OptionGroup var database: DatabaseOption

        func run() throws {
            let store = try ClinicStore.open(at: database.resolved())
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
            let store = try ClinicStore.open(at: database.resolved())
            let admin = try signedIn.user(in: store)
            try store.unlockSignIn(username: username, by: Author(user: admin))
            print("Unlocked \(username.lowercased()): the next sign-in is checked at once.")
        }
    }
}
