import ClinicServer
import ClinicServerTesting
import Foundation
import PostgresNIO
import Testing

@Suite(.requiresPostgreSQL)
struct MigrationTests {
    @Test func migratingTwiceAppliesNothingTheSecondTime() async throws {
        let admin = try #require(ScratchDatabase.adminURL)
        try await ScratchDatabase.withDatabase(adminURL: admin, migrated: false, logger: ServerFixture.logger) { url in
            try await ServerDatabase.withRunning(url, logger: ServerFixture.logger) { database in
                let migrator = Migrator(database: database)
                #expect(try await migrator.pendingMigrations() == Migrations.all)
                #expect(try await migrator.migrate() == Migrations.all)
                let tables = try await Self.tables(database)
                #expect(try await migrator.migrate().isEmpty)
                #expect(try await migrator.pendingMigrations().isEmpty)
                #expect(try await Self.tables(database) == tables)
                let rows = try await database.client.query("SELECT count(*) FROM schema_migrations")
                for try await count in rows.decode(Int.self) { #expect(count == Migrations.all.count) }
            }
        }
    }

    @Test func twoMigratorsAtOnceApplyEachMigrationOnce() async throws {
        let admin = try #require(ScratchDatabase.adminURL)
        try await ScratchDatabase.withDatabase(adminURL: admin, migrated: false, logger: ServerFixture.logger) { url in
            try await ServerDatabase.withRunning(url, logger: ServerFixture.logger) { database in
                async let first = Migrator(database: database).migrate()
                async let second = Migrator(database: database).migrate()
                let applied = try await first + second
                #expect(applied.map(\.version).sorted() == Migrations.all.map(\.version))
            }
        }
    }

    @Test func theServerRefusesADatabaseWithPendingMigrations() async throws {
        let admin = try #require(ScratchDatabase.adminURL)
        try await ScratchDatabase.withDatabase(adminURL: admin, migrated: false, logger: ServerFixture.logger) { url in
            try await ServerDatabase.withRunning(url, logger: ServerFixture.logger) { database in
                let error = await #expect(throws: MigrationError.self) { try await ClinicServerApp.checkSchema(database) }
                #expect(error?.description.contains("run `clinicdesk-server migrate` first") == true)
                try await Migrator(database: database).migrate()
                try await ClinicServerApp.checkSchema(database)
            }
        }
    }

    @Test func anEditedOrUnknownMigrationIsReported() async throws {
        let admin = try #require(ScratchDatabase.adminURL)
        try await ScratchDatabase.withDatabase(adminURL: admin, logger: ServerFixture.logger) { url in
            try await ServerDatabase.withRunning(url, logger: ServerFixture.logger) { database in
                let edited = Migration(version: 1, name: "create_sync_schema", statements: ["SELECT 1"])
                await #expect(throws: MigrationError.self) { try await Migrator(database: database, migrations: [edited]).migrate() }
                await #expect(throws: MigrationError.self) { try await Migrator(database: database, migrations: []).pendingMigrations() }
            }
        }
    }

    static func tables(_ database: ServerDatabase) async throws -> [String] {
        let rows = try await database.client.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
        )
        var names: [String] = []
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }
}
