/// The visit from arrival to done (migration `v4-visit-flow`): tickets, stations and hops,
/// outcomes, triage and consultation notes (clinical, append-only), and each user's default room.
enum VisitFlowSchema {
    static let statements: [String] = [
        "ALTER TABLE visit ADD COLUMN ticket INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE visit ADD COLUMN station TEXT",
        "ALTER TABLE visit ADD COLUMN outcome TEXT",
        "ALTER TABLE user_account ADD COLUMN default_room TEXT",
        """
        CREATE TABLE station (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            \(FoundationSchema.syncedColumns)
        )
        """,
        """
        CREATE TABLE visit_hop (
            id TEXT PRIMARY KEY NOT NULL,
            visit_id TEXT NOT NULL REFERENCES visit(id),
            from_place TEXT NOT NULL,
            to_place TEXT NOT NULL,
            to_provider_id TEXT REFERENCES provider(id),
            to_station TEXT,
            note TEXT NOT NULL DEFAULT '',
            hopped_at TEXT NOT NULL,
            hopped_by TEXT REFERENCES user_account(id),
            \(FoundationSchema.syncedColumns)
        )
        """,
        "CREATE INDEX visit_hop_visit ON visit_hop(visit_id)",
        """
        CREATE TABLE triage (
            id TEXT PRIMARY KEY NOT NULL,
            visit_id TEXT NOT NULL REFERENCES visit(id),
            patient_id TEXT NOT NULL REFERENCES patient(id),
            systolic INTEGER,
            diastolic INTEGER,
            pulse INTEGER,
            temperature_tenths INTEGER,
            respiratory_rate INTEGER,
            oxygen_saturation INTEGER,
            weight_grams INTEGER,
            height_mm INTEGER,
            note TEXT NOT NULL DEFAULT '',
            priority TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            supersedes_id TEXT REFERENCES triage(id),
            \(FoundationSchema.syncedColumns)
        )
        """,
        "CREATE INDEX triage_visit ON triage(visit_id, recorded_at)",
        """
        CREATE TABLE consultation_note (
            id TEXT PRIMARY KEY NOT NULL,
            visit_id TEXT NOT NULL REFERENCES visit(id),
            patient_id TEXT NOT NULL REFERENCES patient(id),
            author_id TEXT REFERENCES user_account(id),
            author_name TEXT NOT NULL,
            written_at TEXT NOT NULL,
            complaint TEXT NOT NULL DEFAULT '',
            findings TEXT NOT NULL DEFAULT '',
            assessment TEXT NOT NULL DEFAULT '',
            plan TEXT NOT NULL DEFAULT '',
            supersedes_id TEXT REFERENCES consultation_note(id),
            \(FoundationSchema.syncedColumns)
        )
        """,
        "CREATE INDEX consultation_note_visit ON consultation_note(visit_id, written_at)",
        "CREATE INDEX consultation_note_patient ON consultation_note(patient_id, written_at)",
        // One open visit per patient a day is the rule (ClinicStore.checkIn…); this finds it fast.
        "CREATE INDEX visit_open ON visit(patient_id, day, status)",
    ]
}
