import ArgumentParser
import ClinicServer
import Logging
import Foundation

/// `clinicdesk-server clinic …`: clinics and their one-time enrollment codes.
struct ClinicCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic", abstract: "Create clinics and issue enrollment codes for their devices.",
        subcommands: [Add.self, Code.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a clinic and print a one-time enrollment code for its first device (last line)."
        )

        @Argument(help: "The clinic's name.") var name: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let logger = Operator.bootstrapLogging(level: .warning)
            let url = try database.resolved()
            let (clinic, code) = try await Operator.withDatabase(url, logger: logger) { database in
                try await ClinicDirectory(database: database).addClinic(named: name)
            }
            print("Created clinic “\(clinic.name)” (id \(clinic.id.uuidString.lowercased())).")
            print("One-time enrollment code for its first device, valid until \(Format.instant(code.expiresAt)):")
            print(code.code)
        }
    }

    struct Code: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a further one-time enrollment code for the clinic's next device (last line)."
        )

        @Argument(help: "The clinic's name.") var name: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let logger = Operator.bootstrapLogging(level: .warning)
            let url = try database.resolved()
            let code = try await Operator.withDatabase(url, logger: logger) { database in
                try await ClinicDirectory(database: database).issueCode(forClinicNamed: name)
            }
            print("One-time enrollment code for the next device of “\(code.clinicName)”, valid until \(Format.instant(code.expiresAt)):")
            print(code.code)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List clinics.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let logger = Operator.bootstrapLogging(level: .warning)
            let url = try database.resolved()
            let clinics = try await Operator.withDatabase(url, logger: logger) { database in
                try await ClinicDirectory(database: database).clinics()
            }
            guard !clinics.isEmpty else {
                print("No clinics yet; `clinicdesk-server clinic add NAME` creates one.")
                return
            }
            print(Format.table(
                header: ["CLINIC", "ID", "DEVICES", "CREATED"],
                rows: clinics.map { [$0.name, $0.id.uuidString.lowercased(), String($0.deviceCount), Format.instant($0.createdAt)] }
            ))
        }
    }
}
