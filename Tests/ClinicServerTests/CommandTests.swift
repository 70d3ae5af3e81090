import ClinicServer
import ClinicServerTesting
import Foundation
import Testing

/// The operator's command, run as a separate process against a scratch database.
@Suite(.requiresPostgreSQL, .enabled(if: FileManager.default.isExecutableFile(atPath: ServerCommandRunner.executable.path)))
struct CommandTests {
    /// Whether `line` is exactly a code in display form, `K7QM-3XHD-9PRT`.
    static func isCode(_ line: String?) -> Bool {
        guard let line, line.count == 14 else { return false }
        return line.split(separator: "-", omittingEmptySubsequences: false).map(\.count) == [4, 4, 4]
            && EnrollmentCode.normalize(line) != nil
    }

    @Test func migrateCreateAClinicIssueCodesAndListDevices() async throws {
        let admin = try #require(ScratchDatabase.adminURL)
        try await ScratchDatabase.withDatabase(adminURL: admin, migrated: false, logger: ServerFixture.logger) { url in
            let database = ["--database", url.urlString]
            let serveEarly = try ServerCommandRunner.run(["serve", "--port", "0"] + database)
            #expect(serveEarly.status != 0)
            #expect(serveEarly.error.contains("run `clinicdesk-server migrate` first"))

            let migrate = try ServerCommandRunner.run(["migrate"] + database)
            #expect(migrate.status == 0)
            #expect(migrate.lines == ["Applied migration 1: create_sync_schema.", "Applied migration 2: device_revocation.",
                                      "Applied migration 3: audit_trail."])
            let again = try ServerCommandRunner.run(["migrate"] + database)
            #expect(again.lines == ["The database is up to date (3 migrations)."])

            let add = try ServerCommandRunner.run(["clinic", "add", "Riverside Clinic"] + database)
            #expect(add.status == 0)
            #expect(Self.isCode(add.lines.last))
            let code = try ServerCommandRunner.run(["clinic", "code", "riverside clinic"] + database)
            #expect(Self.isCode(code.lines.last))
            #expect(code.lines.last != add.lines.last)

            let duplicate = try ServerCommandRunner.run(["clinic", "add", "Riverside Clinic"] + database)
            #expect(duplicate.status != 0)
            #expect(duplicate.error.split(separator: "\n").count == 1)
            #expect(duplicate.error.hasPrefix("Error: A clinic named “Riverside Clinic” already exists"))

            let devices = try ServerCommandRunner.run(["device", "list"] + database)
            #expect(devices.lines == ["No devices enrolled yet."])

            let unknown = try ServerCommandRunner.run(["device", "revoke", "0190d8a2-0000-7000-8000-000000000000"] + database)
            #expect(unknown.status != 0)
            #expect(unknown.error == "Error: No device has the id 0190d8a2-0000-7000-8000-000000000000; `clinicdesk-server device list` shows them.\n")
            let malformed = try ServerCommandRunner.run(["device", "revoke", "laptop"] + database)
            #expect(malformed.error == "Error: “laptop” is not a device id; `device list` shows them.\n")
        }
    }

    @Test func theFlagBeatsTheEnvironmentWhichBeatsTheDefault() async throws {
        let admin = try #require(ScratchDatabase.adminURL)
        try await ScratchDatabase.withDatabase(adminURL: admin, logger: ServerFixture.logger) { url in
            let unreachable = "postgres://nobody:x@127.0.0.1:1/none?sslmode=disable"
            let flagWins = try ServerCommandRunner.run(
                ["clinic", "list", "--database", url.urlString], environment: ["CLINICDESK_DATABASE_URL": unreachable]
            )
            #expect(flagWins.status == 0)
            let fromEnvironment = try ServerCommandRunner.run(["clinic", "list"], environment: ["CLINICDESK_DATABASE_URL": url.urlString])
            #expect(fromEnvironment.status == 0)
            #expect(fromEnvironment.lines.first?.hasPrefix("No clinics yet") == true)

            let refused = try ServerCommandRunner.run(["migrate", "--database", unreachable], environment: ["CLINICDESK_DATABASE_URL": url.urlString])
            #expect(refused.status != 0)
            #expect(refused.error.split(separator: "\n").count == 1)
            #expect(refused.error.hasPrefix("Error: Cannot connect to PostgreSQL at 127.0.0.1:1"))
            let malformed = try ServerCommandRunner.run(["migrate", "--database", "mysql://x"])
            #expect(malformed.error == "Error: The database URL is not usable: it must start with postgres://.\n")
        }
    }
}
