/// The first schema: every synced table, the outbox, the audit log and per-field clocks.
///
/// Conventions for synced tables: `id` (UUIDv7 text) is the only unique key — two
/// offline devices may legitimately create the same person, so nothing else is
/// UNIQUE; `hlc` is the clock of the write that created the row (a field changed later has its
/// own clock in `field_clock`); `origin_device` the creator;
/// rows are never deleted, only marked with `deleted_at` and `delete_reason`.
/// A database holds exactly one clinic, so rows carry no `clinic_id`; the server
/// adds it from the device's credential.
enum FoundationSchema {
    static let syncedColumns = """
        created_at TEXT NOT NULL,
        deleted_at TEXT,
        delete_reason TEXT,
        hlc TEXT NOT NULL,
        origin_device TEXT NOT NULL
        """

    static let statements: [String] = [
        """
        CREATE TABLE local_device (
            singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
            device_id TEXT NOT NULL,
            device_name TEXT NOT NULL,
            clinic_id TEXT NOT NULL,
            mrn_prefix TEXT NOT NULL,
            mrn_counter INTEGER NOT NULL DEFAULT 0,
            hlc_millis INTEGER NOT NULL DEFAULT 0,
            hlc_counter INTEGER NOT NULL DEFAULT 0,
            is_demo INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE clinic (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            \(syncedColumns)
        )
        """,
        """
        CREATE TABLE user_account (
            id TEXT PRIMARY KEY NOT NULL,
            username TEXT NOT NULL,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            is_active INTEGER NOT NULL DEFAULT 1,
            \(syncedColumns)
        )
        """,
        "CREATE INDEX user_account_username ON user_account(username)",
        """
        CREATE TABLE provider (
            id TEXT PRIMARY KEY NOT NULL,
            display_name TEXT NOT NULL,
            specialty TEXT NOT NULL,
            default_slot_minutes INTEGER NOT NULL,
            user_id TEXT REFERENCES user_account(id),
            \(syncedColumns)
        )
        """,
        """
        CREATE TABLE schedule_template (
            id TEXT PRIMARY KEY NOT NULL,
            provider_id TEXT NOT NULL REFERENCES provider(id),
            weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
            start_minute INTEGER NOT NULL,
            end_minute INTEGER NOT NULL,
            breaks TEXT NOT NULL DEFAULT '[]',
            \(syncedColumns)
        )
        """,
        "CREATE INDEX schedule_template_provider ON schedule_template(provider_id, weekday)",
        """
        CREATE TABLE schedule_exception (
            id TEXT PRIMARY KEY NOT NULL,
            provider_id TEXT REFERENCES provider(id),
            kind TEXT NOT NULL,
            first_day TEXT NOT NULL,
            last_day TEXT NOT NULL,
            reason TEXT NOT NULL,
            \(syncedColumns)
        )
        """,
        "CREATE INDEX schedule_exception_days ON schedule_exception(last_day, first_day)",
        """
        CREATE TABLE patient (
            name_order INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            mrn TEXT NOT NULL,
            family_name TEXT NOT NULL,
            given_name TEXT NOT NULL,
            sex TEXT NOT NULL,
            birth_date TEXT,
            birth_date_estimated INTEGER NOT NULL DEFAULT 0,
            phone TEXT,
            alternate_phone TEXT,
            address_line TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            postal_code TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            emergency_name TEXT,
            emergency_relationship TEXT,
            emergency_phone TEXT,
            allergy_status TEXT NOT NULL DEFAULT 'not-asked',
            merged_into TEXT REFERENCES patient(id),
            \(syncedColumns),
            mrn_serial INTEGER NOT NULL,
            search_name TEXT NOT NULL,
            phone_digits TEXT NOT NULL DEFAULT '',
            last_visit_day TEXT
        )
        """,
        """
        CREATE TABLE patient_identifier (
            id TEXT PRIMARY KEY NOT NULL,
            patient_id TEXT NOT NULL REFERENCES patient(id),
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            \(syncedColumns),
            match_key TEXT NOT NULL
        )
        """,
        "CREATE INDEX patient_identifier_patient ON patient_identifier(patient_id)",
        "CREATE INDEX patient_identifier_match ON patient_identifier(match_key)",
        """
        CREATE TABLE allergy (
            id TEXT PRIMARY KEY NOT NULL,
            patient_id TEXT NOT NULL REFERENCES patient(id),
            substance TEXT NOT NULL,
            substance_kind TEXT NOT NULL,
            reaction TEXT NOT NULL,
            severity TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT REFERENCES user_account(id),
            supersedes_id TEXT REFERENCES allergy(id),
            is_retraction INTEGER NOT NULL DEFAULT 0,
            \(syncedColumns)
        )
        """,
        "CREATE INDEX allergy_patient ON allergy(patient_id)",
        """
        CREATE TABLE appointment (
            id TEXT PRIMARY KEY NOT NULL,
            patient_id TEXT NOT NULL REFERENCES patient(id),
            provider_id TEXT NOT NULL REFERENCES provider(id),
            start_date TEXT NOT NULL,
            start_minute INTEGER NOT NULL,
            minutes INTEGER NOT NULL,
            kind TEXT NOT NULL,
            mode TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            cancel_reason TEXT,
            follow_up_id TEXT REFERENCES appointment(id),
            \(syncedColumns)
        )
        """,
        "CREATE INDEX appointment_day ON appointment(start_date, provider_id, start_minute)",
        "CREATE INDEX appointment_patient ON appointment(patient_id, start_date)",
        """
        CREATE TABLE visit (
            id TEXT PRIMARY KEY NOT NULL,
            patient_id TEXT NOT NULL REFERENCES patient(id),
            appointment_id TEXT REFERENCES appointment(id),
            provider_id TEXT REFERENCES provider(id),
            day TEXT NOT NULL,
            arrived_at TEXT NOT NULL,
            priority TEXT NOT NULL,
            status TEXT NOT NULL,
            room TEXT,
            called_by TEXT REFERENCES user_account(id),
            called_at TEXT,
            finished_at TEXT,
            \(syncedColumns)
        )
        """,
        "CREATE INDEX visit_day ON visit(day, status)",
        "CREATE INDEX visit_patient ON visit(patient_id, day)",
        """
        CREATE TABLE prescription (
            id TEXT PRIMARY KEY NOT NULL,
            patient_id TEXT NOT NULL REFERENCES patient(id),
            prescriber_id TEXT NOT NULL REFERENCES user_account(id),
            visit_id TEXT REFERENCES visit(id),
            instructions TEXT NOT NULL DEFAULT '',
            signed_at TEXT NOT NULL,
            verification_code TEXT NOT NULL,
            supersedes_id TEXT REFERENCES prescription(id),
            \(syncedColumns)
        )
        """,
        "CREATE INDEX prescription_patient ON prescription(patient_id, signed_at)",
        """
        CREATE TABLE prescription_item (
            id TEXT PRIMARY KEY NOT NULL,
            prescription_id TEXT NOT NULL REFERENCES prescription(id),
            position INTEGER NOT NULL,
            drug TEXT NOT NULL,
            strength TEXT NOT NULL,
            form TEXT NOT NULL,
            dose TEXT NOT NULL,
            route TEXT NOT NULL,
            frequency TEXT NOT NULL,
            duration_days INTEGER,
            quantity TEXT NOT NULL,
            refills INTEGER NOT NULL DEFAULT 0,
            sig TEXT NOT NULL,
            \(syncedColumns)
        )
        """,
        "CREATE INDEX prescription_item_prescription ON prescription_item(prescription_id, position)",
        """
        CREATE TABLE change (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            change_id TEXT NOT NULL,
            tx_id TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            operation TEXT NOT NULL,
            field TEXT,
            new_value TEXT,
            base_value TEXT,
            hlc TEXT NOT NULL,
            device_id TEXT NOT NULL,
            user_id TEXT,
            schema_version INTEGER NOT NULL
        )
        """,
        "CREATE INDEX change_row ON change(table_name, row_id)",
        """
        CREATE TABLE field_clock (
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            field TEXT NOT NULL,
            hlc TEXT NOT NULL,
            PRIMARY KEY (table_name, row_id, field)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE audit_event (
            id TEXT PRIMARY KEY NOT NULL,
            at TEXT NOT NULL,
            device_id TEXT NOT NULL,
            user_id TEXT,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity_table TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            patient_id TEXT,
            summary TEXT NOT NULL
        )
        """,
        "CREATE INDEX audit_event_entity ON audit_event(entity_table, entity_id)",
        "CREATE INDEX audit_event_at ON audit_event(at)",
        "CREATE INDEX audit_event_user_patient ON audit_event(user_id, patient_id)",
        // Keeps each patient's last visit day in step with the queue, whoever writes it (a
        // terminal or sync), for "seen recently" in search.
        """
        CREATE TRIGGER visit_last_seen_insert AFTER INSERT ON visit WHEN new.deleted_at IS NULL BEGIN
            UPDATE patient SET last_visit_day = new.day
            WHERE id = new.patient_id AND (last_visit_day IS NULL OR last_visit_day < new.day);
        END
        """,
    ]
}
