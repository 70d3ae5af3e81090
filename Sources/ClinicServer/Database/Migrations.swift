/// The server's schema, as numbered migrations. Append new ones at the end; never edit a landed one.
///
/// Every table that holds a clinic's data has `clinic_id` first in its key, so the schema can
/// be distributed by clinic without change (DESIGN §2). Field values are stored as
/// `FieldValue.jsonText`, clocks as `HLCTimestamp` text (which sorts in clock order).
/// `row_field`'s names use byte-wise collation so its primary key is already in digest order.
public enum Migrations {
    /// Every migration, in order.
    public static let all: [Migration] = [syncSchema, deviceRevocation, auditTrail]

    /// Each device's audit events, append-only, in chain order (checked as they arrive).
    static let auditTrail = Migration(version: 3, name: "audit_trail", statements: [
        """
        CREATE TABLE audit_event (
            clinic_id uuid NOT NULL REFERENCES clinic (id),
            device_id uuid NOT NULL REFERENCES device (id),
            seq bigint NOT NULL,
            event_id text NOT NULL,
            at text NOT NULL,
            user_id text,
            actor text NOT NULL,
            action text NOT NULL,
            entity_table text NOT NULL,
            entity_id text NOT NULL,
            patient_id text,
            summary text NOT NULL,
            hlc text,
            hash text NOT NULL,
            received_at timestamptz NOT NULL,
            PRIMARY KEY (device_id, seq)
        )
        """,
        "CREATE INDEX audit_event_clinic_patient ON audit_event (clinic_id, patient_id)",
    ])

    /// An operator can revoke a device: its credential stops working at once.
    static let deviceRevocation = Migration(version: 2, name: "device_revocation", statements: [
        "ALTER TABLE device ADD COLUMN revoked_at timestamptz",
        "ALTER TABLE device ADD COLUMN revoke_reason text",
    ])

    static let syncSchema = Migration(version: 1, name: "create_sync_schema", statements: [
        """
        CREATE TABLE clinic (
            id uuid PRIMARY KEY,
            name text NOT NULL,
            created_at timestamptz NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX clinic_name_key ON clinic (lower(name))",
        """
        CREATE TABLE clinic_sequence (
            clinic_id uuid PRIMARY KEY REFERENCES clinic (id),
            last_sequence bigint NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE enrollment_code (
            code_hash text PRIMARY KEY,
            clinic_id uuid NOT NULL REFERENCES clinic (id),
            created_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            used_at timestamptz,
            used_by_device uuid
        )
        """,
        "CREATE INDEX enrollment_code_clinic ON enrollment_code (clinic_id)",
        """
        CREATE TABLE device (
            id uuid PRIMARY KEY,
            clinic_id uuid NOT NULL REFERENCES clinic (id),
            name text NOT NULL,
            credential_hash text NOT NULL UNIQUE,
            enrolled_at timestamptz NOT NULL,
            last_push_at timestamptz,
            flagged_at timestamptz,
            flag_reason text
        )
        """,
        "CREATE INDEX device_clinic ON device (clinic_id)",
        """
        CREATE TABLE row_owner (
            table_name text NOT NULL,
            row_id uuid NOT NULL,
            clinic_id uuid NOT NULL REFERENCES clinic (id),
            PRIMARY KEY (table_name, row_id)
        )
        """,
        """
        CREATE TABLE row_field (
            clinic_id uuid NOT NULL REFERENCES clinic (id),
            table_name text COLLATE "C" NOT NULL,
            row_id uuid NOT NULL,
            field text COLLATE "C" NOT NULL,
            value text NOT NULL,
            hlc text NOT NULL,
            origin_device uuid NOT NULL,
            change_id uuid NOT NULL,
            PRIMARY KEY (clinic_id, table_name, row_id, field)
        )
        """,
        "CREATE INDEX row_field_supersedes ON row_field (clinic_id, table_name, value) WHERE field = 'supersedes_id'",
        """
        CREATE TABLE change_result (
            clinic_id uuid NOT NULL REFERENCES clinic (id),
            change_id uuid NOT NULL,
            device_id uuid NOT NULL,
            batch_id uuid NOT NULL,
            outcome text NOT NULL CHECK (outcome IN ('applied', 'conflict', 'rejected')),
            reason text,
            sequence bigint,
            created_at timestamptz NOT NULL,
            PRIMARY KEY (clinic_id, change_id)
        )
        """,
        """
        CREATE TABLE change_log (
            clinic_id uuid NOT NULL REFERENCES clinic (id),
            sequence bigint NOT NULL,
            change_id uuid NOT NULL,
            transaction_id uuid NOT NULL,
            origin_device uuid NOT NULL,
            table_name text NOT NULL,
            row_id uuid NOT NULL,
            change text NOT NULL,
            created_at timestamptz NOT NULL,
            PRIMARY KEY (clinic_id, sequence)
        )
        """,
        """
        CREATE TABLE conflict (
            clinic_id uuid NOT NULL REFERENCES clinic (id),
            id uuid NOT NULL,
            table_name text NOT NULL,
            row_id uuid NOT NULL,
            field text NOT NULL,
            kind text NOT NULL,
            current_value text NOT NULL,
            current_hlc text NOT NULL,
            current_device uuid NOT NULL,
            incoming_value text NOT NULL,
            incoming_hlc text NOT NULL,
            incoming_device uuid NOT NULL,
            incoming_change_id uuid NOT NULL,
            winner text NOT NULL CHECK (winner IN ('current', 'incoming', 'both')),
            related_row_id uuid,
            created_at timestamptz NOT NULL,
            resolved_at timestamptz,
            PRIMARY KEY (clinic_id, id)
        )
        """,
        "CREATE INDEX conflict_open ON conflict (clinic_id, created_at) WHERE resolved_at IS NULL",
    ])
}
