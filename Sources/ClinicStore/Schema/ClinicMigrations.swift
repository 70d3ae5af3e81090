import GRDB

/// The schema's history. Append-only: a migration that has shipped is never edited;
/// a change is a new named migration at the end.
enum ClinicMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            for statement in FoundationSchema.statements {
                try db.execute(sql: statement)
            }
            for statement in PatientSearchIndex.createStatements {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v2-sync") { db in
            for statement in SyncSchema.statements {
                try db.execute(sql: statement)
            }
        }
        return migrator
    }
}
