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
        migrator.registerMigration("v3-audit-clock") { db in
            // Audit events carry the clock of their write, so "who changed this field, and
            // when" is answered from a field's clock (see ClinicStore.editPatient).
            try db.execute(sql: "ALTER TABLE audit_event ADD COLUMN hlc TEXT")
        }
        migrator.registerMigration("v4-visit-flow") { db in
            for statement in VisitFlowSchema.statements {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v5-booking") { db in
            for statement in BookingSchema.statements {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v6-double-booking-pairs") { db in
            for statement in DoubleBookingSchema.statements {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v7-provider-days") { db in
            // A provider's days (free slots, a series' check) are read by provider first; the
            // day index starts with the date and made those reads scan every provider's bookings.
            try db.execute(sql: "CREATE INDEX appointment_provider_day ON appointment(provider_id, start_date, start_minute)")
        }
        migrator.registerMigration("v8-exception-hours") { db in
            for statement in ExceptionHoursSchema.statements {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v9-table-versions") { db in
            for statement in TableVersions.statements {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v10-prescription-signing") { db in
            for statement in PrescriptionSigningSchema.statements {
                try db.execute(sql: statement)
            }
        }
        // Why a patient's allergies could not be asked (status "unable-to-ask"); synced.
        migrator.registerMigration("v11-allergy-note") { db in
            try db.execute(sql: "ALTER TABLE patient ADD COLUMN allergy_note TEXT NOT NULL DEFAULT ''")
        }
        // Medicines taken that were not prescribed here (append-only; a stop supersedes).
        migrator.registerMigration("v12-other-medicines") { db in
            try db.execute(sql: """
                CREATE TABLE medication (
                    id TEXT PRIMARY KEY NOT NULL,
                    patient_id TEXT NOT NULL REFERENCES patient(id),
                    drug TEXT NOT NULL,
                    strength TEXT NOT NULL DEFAULT '',
                    form TEXT NOT NULL DEFAULT '',
                    directions TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT '',
                    recorded_at TEXT NOT NULL,
                    recorded_by TEXT REFERENCES user_account(id),
                    supersedes_id TEXT REFERENCES medication(id),
                    is_stop INTEGER NOT NULL DEFAULT 0,
                    \(FoundationSchema.syncedColumns)
                )
                """)
            try db.execute(sql: "CREATE INDEX medication_patient ON medication(patient_id)")
        }
        // Failed sign-ins per username, for the lockout (local to this database, never synced).
        migrator.registerMigration("v13-sign-in-lock") { db in
            try db.execute(sql: """
                CREATE TABLE sign_in_lock (
                    username TEXT PRIMARY KEY NOT NULL,
                    failures INTEGER NOT NULL DEFAULT 0,
                    locked_until TEXT
                ) WITHOUT ROWID
                """)
        }
        // Each audit event is chained to the one before it (tamper evidence); existing ones are chained now.
        migrator.registerMigration("v14-audit-chain") { db in
            try AuditChainSchema.migrate(db)
        }
        // Each sign-in on a terminal (local to this database, never synced).
        migrator.registerMigration("v15-user-sessions") { db in
            try db.execute(sql: """
                CREATE TABLE user_session (
                    id TEXT PRIMARY KEY NOT NULL,
                    user_id TEXT NOT NULL REFERENCES user_account(id),
                    username TEXT NOT NULL,
                    device TEXT NOT NULL,
                    terminal TEXT NOT NULL,
                    process_id INTEGER NOT NULL,
                    started_at TEXT NOT NULL,
                    last_active_at TEXT NOT NULL,
                    ended_at TEXT,
                    end_reason TEXT
                )
                """)
            try db.execute(sql: "CREATE INDEX user_session_open ON user_session(user_id) WHERE ended_at IS NULL")
        }
        // How far this device's audit chain has been sent to the sync server.
        migrator.registerMigration("v16-audit-sent") { db in
            try db.execute(sql: "ALTER TABLE sync_state ADD COLUMN audit_sent_seq INTEGER NOT NULL DEFAULT 0")
        }
        // Billing: price list, invoices, payments and refunds, cash counts (BillingSchema).
        migrator.registerMigration("v17-billing") { db in
            for statement in BillingSchema.statements { try db.execute(sql: statement) }
        }
        // When this database was restored from a backup: until its next sync has caught up, pulls
        // take back this device's own changes from after the backup, and before it sends more of its
        // audit trail it takes back the end the server holds (local, never synced).
        migrator.registerMigration("v18-restored") { db in
            try db.execute(sql: "ALTER TABLE local_device ADD COLUMN restored_at TEXT")
            try db.execute(sql: "ALTER TABLE local_device ADD COLUMN audit_resume INTEGER NOT NULL DEFAULT 0")
        }
        return migrator
    }
}
