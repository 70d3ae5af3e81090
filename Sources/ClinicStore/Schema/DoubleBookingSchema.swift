/// Double bookings as pairs (migration `v6-double-booking-pairs`): a `double-booking` conflict
/// names both appointments, so a pair is flagged once and settled by the write that ends the
/// clash. Conflicts recorded before name only the appointment that arrived: the other is found
/// again (the provider's overlapping appointment; SQLite cannot order a correlated subquery by
/// the outer row's JSON, so the earliest id when there are several), and one whose pair no
/// longer exists is settled.
enum DoubleBookingSchema {
    static let statements: [String] = [
        "ALTER TABLE sync_conflict ADD COLUMN other_row_id TEXT",
        "ALTER TABLE sync_conflict ADD COLUMN settled_automatically INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX sync_conflict_row ON sync_conflict(row_id)",
        "CREATE INDEX sync_conflict_other_row ON sync_conflict(other_row_id)",
        """
        UPDATE sync_conflict SET field = 'provider_id', other_row_id = (
            SELECT o.id FROM appointment a
            JOIN appointment o ON o.provider_id = a.provider_id AND o.start_date = a.start_date AND o.id != a.id
              AND o.deleted_at IS NULL AND o.start_minute < a.start_minute + a.minutes AND o.start_minute + o.minutes > a.start_minute
            WHERE a.id = sync_conflict.row_id
            ORDER BY o.id
            LIMIT 1)
        WHERE kind = 'double-booking' AND other_row_id IS NULL
        """,
        """
        UPDATE sync_conflict SET resolved_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), resolved_by = 'system:upgrade',
          resolution = 'The appointments no longer overlap.', settled_automatically = 1
        WHERE kind = 'double-booking' AND other_row_id IS NULL AND resolved_at IS NULL
        """,
    ]
}
