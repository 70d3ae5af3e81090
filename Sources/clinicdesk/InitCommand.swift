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
        if FileManager.default.fileExists(atPath: path) { throw StoreError.databaseExists(path: path) }
        let password = try PasswordInput.read(fromStandardInput: passwordFromStandardInput, newFor: username)
        let hash = try Argon2idHasher().hash(password)
        let store = try ClinicStore.create(
            at: path, clinicName: clinic, timeZone: zone, deviceName: ProcessInfo.processInfo.hostName,
            mrnPrefix: mrnPrefix?.uppercased()
        )
        try store.createUser(username: username, displayName: username, role: .admin, passwordHash: hash, by: .system("init"))
        print("Created clinic “\(try store.clinic().name)” at \(path)")
        print("Admin user: \(username)")
    }
}
