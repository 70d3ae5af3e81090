import ArgumentParser
import ClinicServer
import Logging
import Foundation

/// `clinicdesk-server device list`: enrolled devices, with those flagged for a wrong clock.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device", abstract: "Enrolled devices.", subcommands: [List.self]
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
                        device.flaggedAt.map { "FLAGGED \(Format.instant($0)): \(device.flagReason ?? "")" } ?? "",
                    ]
                }
            ))
        }
    }
}
