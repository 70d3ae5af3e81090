import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation
import PasswordHashing

/// `clinicdesk init`: creates a clinic database and its first admin.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a clinic database and its first admin user."
    )

    @Option(help: "The clinic's name.")
    var clinic: String

    @Option(help: "Username of the first admin.")
    var admin: String

    @Option(name: .customLong("time-zone"), help: "IANA time zone of the clinic (default: this machine's).")
    var timeZone: String?

    @Option(name: .customLong("mrn-prefix"), help: "Letters that start this database's MRNs (default: random).")
    var mrnPrefix: String?

    @Flag(name: .customLong("password-stdin"), help: "Read the admin's password from standard input.")
    var passwordFromStandardInput = false

    @Option(help: ArgumentHelp(
        "Share the database with this Unix group (files 0660, folders 2770) for a host where several accounts run terminals; "
            + "without it only this account can open it (0600, 0700).", valueName: "name"))
    var group: String?

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let path = database.resolved()
        let zone = try timeZone.map { name in
            guard let zone = TimeZone(identifier: name) else {
                throw CommandFailure("Unknown time zone “\(name)”; use an IANA name such as Europe/London.")
            }
            return zone
        } ?? TimeZone.current
        let username = try Usernames.validated(admin)
        let access = try group.map { try FileAccess.sharedWith(group: $0) } ?? .ownerOnly
        if FileManager.default.fileExists(atPath: path) { throw StoreError.databaseExists(path: path) }
        let password = try PasswordInput.read(fromStandardInput: passwordFromStandardInput, newFor: username)
        let hash = try Argon2idHasher().hash(password)
        let store = try ClinicStore.create(
            at: path, clinicName: clinic, timeZone: zone, deviceName: ProcessInfo.processInfo.hostName,
            mrnPrefix: mrnPrefix?.uppercased(), access: access
        )
        try store.createUser(username: username, displayName: username, role: .admin, passwordHash: hash, by: .system("init"))
        print("Created clinic “\(try store.clinic().name)” at \(path)")
        print("Admin user: \(username)")
        if let group { print("Shared with the group \(group): its members' accounts can open it; nobody else's can.") }
    }
}
