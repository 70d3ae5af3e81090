import ArgumentParser
import ClinicServer
import Logging

/// `clinicdesk-server migrate`: brings the database schema up to date; safe to run again.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending database migrations (does nothing when up to date)."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = Operator.bootstrapLogging(level: .warning)
        let url = try database.resolved()
        let applied = try await Operator.withDatabase(url, logger: logger) { database in
            try await Migrator(database: database).migrate()
        }
        if applied.isEmpty {
            print("The database is up to date (\(Migrations.all.count) migration\(Migrations.all.count == 1 ? "" : "s")).")
        }
        for migration in applied {
            print("Applied migration \(migration.version): \(migration.name).")
        }
    }
}
