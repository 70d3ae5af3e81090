/// The appointment book (migration `v5-booking`): series, overbooks with their reason, and the waitlist.
enum BookingSchema {
    static let statements: [String] = [
        "ALTER TABLE appointment ADD COLUMN series_id TEXT",
        "ALTER TABLE appointment ADD COLUMN overbook_reason TEXT",
        "CREATE INDEX appointment_series ON appointment(series_id, start_date)",
        """
        CREATE TABLE waitlist_entry (
            id TEXT PRIMARY KEY NOT NULL,
            patient_id TEXT NOT NULL REFERENCES patient(id),
            provider_id TEXT REFERENCES provider(id),
            earliest TEXT NOT NULL,
            latest TEXT,
            times TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL,
            closed_at TEXT,
            closed_reason TEXT,
            appointment_id TEXT REFERENCES appointment(id),
            \(FoundationSchema.syncedColumns)
        )
        """,
        "CREATE INDEX waitlist_open ON waitlist_entry(closed_at, earliest)",
    ]
}
