/// What sync keeps locally: where to sync and how far, who holds the sync lease, the
/// conflicts waiting for a person, and the changes the server refused.
enum SyncSchema {
    static let statements: [String] = [
        """
        CREATE TABLE sync_state (
            singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
            server_url TEXT NOT NULL,
            credential TEXT NOT NULL,
            clinic_id TEXT NOT NULL,
            cursor INTEGER NOT NULL DEFAULT 0,
            enrolled_at TEXT NOT NULL,
            last_attempt_at TEXT,
            last_success_at TEXT,
            last_error TEXT,
            online INTEGER
        )
        """,
        """
        CREATE TABLE sync_lease (
            singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
            holder TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE sync_conflict (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            field TEXT NOT NULL,
            local_value TEXT NOT NULL,
            local_hlc TEXT NOT NULL,
            remote_value TEXT NOT NULL,
            remote_hlc TEXT NOT NULL,
            shown_value TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            resolved_at TEXT,
            resolved_by TEXT,
            resolution TEXT
        )
        """,
        "CREATE INDEX sync_conflict_open ON sync_conflict(resolved_at, detected_at)",
        """
        CREATE TABLE sync_quarantine (
            seq INTEGER PRIMARY KEY NOT NULL,
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
            schema_version INTEGER NOT NULL,
            reason TEXT NOT NULL,
            quarantined_at TEXT NOT NULL
        )
        """,
    ]
}
