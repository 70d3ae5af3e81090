import ArgumentParser
import ClinicServer
import Logging
import Foundation

/// `clinicdesk-server device list`: enrolled devices, with those flagged for a wrong clock.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device", abstract: "Enrolled devices.", subcommands: [List.self, Revoke.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List enrolled devices; a device whose clock ran ahead of the server is flagged with the reason."
        )

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let logger = Operator.bootstrapLogging(level: .warning)
            let url = try database.resolved()
            let devices = try await Operator.withDatabase(url, logger: logger) { database in
                try await ClinicDirectory(database: database).devices()
            }
            guard !devices.isEmpty else {
                print("No devices enrolled yet.")
                return
            }
            print(Format.table(
                header: ["CLINIC", "DEVICE", "NAME", "ENROLLED", "LAST PUSH", "FLAG"],
                rows: devices.map { device in
                    [
                        device.clinicName, device.id.uuidString.lowercased(), device.name, Format.instant(device.enrolledAt),
                        device.lastPushAt.map(Format.instant) ?? "never",
                        device.revokedAt.map { "REVOKED \(Format.instant($0)): \(device.revokeReason ?? "")" }
                            ?? device.flaggedAt.map { "FLAGGED \(Format.instant($0)): \(device.flagReason ?? "")" } ?? "",
                    ]
                }
            ))
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a device (lost, stolen, retired): its credential stops working at once; what it synced stays."
        )

        @Argument(help: "The device's id, as `device list` shows it.")
        var id: String

        @Option(help: "Why, for the record (shown by `device list`).")
        var reason = "revoked by the operator"

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard let uuid = UUID(uuidString: id) else { throw CommandFailure("“\(id)” is not a device id; `device list` shows them.") }
            let logger = Operator.bootstrapLogging(level: .warning)
            let url = try database.resolved()
            let device = try await Operator.withDatabase(url, logger: logger) { database in
                try await ClinicDirectory(database: database).revoke(device: uuid, reason: reason)
            }
            print("Revoked \(device.name) (\(device.id.uuidString.lowercased())) of \(device.clinicName); it must be enrolled again to sync.")
        }
    }
}
