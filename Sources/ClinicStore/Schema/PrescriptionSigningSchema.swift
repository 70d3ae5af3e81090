/// Signing prescriptions safely (migration `v10-prescription-signing`): each item's last day
/// for dispensing; a correction or cancellation names why it supersedes the earlier one (a
/// cancellation carries no items); the alerts raised at signing, with the prescriber's reason
/// for signing over each (clinical facts, append-only); verification codes found by index.
enum PrescriptionSigningSchema {
    static let statements: [String] = [
        "ALTER TABLE prescription_item ADD COLUMN valid_until TEXT",
        "ALTER TABLE prescription ADD COLUMN supersede_reason TEXT",
        "ALTER TABLE prescription ADD COLUMN is_cancellation INTEGER NOT NULL DEFAULT 0",
        """
        CREATE TABLE prescription_alert (
            id TEXT PRIMARY KEY NOT NULL,
            prescription_id TEXT NOT NULL REFERENCES prescription(id),
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            severity TEXT NOT NULL,
            drugs TEXT NOT NULL,
            message TEXT NOT NULL,
            advice TEXT NOT NULL,
            override_reason TEXT NOT NULL DEFAULT '',
            \(FoundationSchema.syncedColumns)
        )
        """,
        "CREATE INDEX prescription_alert_prescription ON prescription_alert(prescription_id, position)",
        "CREATE INDEX prescription_code ON prescription(verification_code)",
        "CREATE INDEX prescription_supersedes ON prescription(supersedes_id)",
    ]
}
