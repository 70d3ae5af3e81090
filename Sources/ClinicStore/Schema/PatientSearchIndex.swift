/// The patient search structures.
///
/// The patient table's integer key, `name_order`, follows the order of (normalised
/// name, id): ``PatientNameOrder`` keeps it so. Both full-text indexes use it as their
/// rowid, so a full-text match returned in rowid order is already in name order and a
/// search reads the first twenty matches instead of sorting every match. Dates of
/// birth and MRN serials use B-tree indexes whose entries end in the same key.
///
/// Kept in one place because the bulk loader drops and recreates exactly these
/// (building an index once after a million inserts is about twice as fast as keeping it live).
enum PatientSearchIndex {
    /// Name tokens: diacritics folded, any script (combining marks are kept as part of
    /// words so Devanagari vowel signs do not split a name), prefix indexes for 1–3 characters.
    static let nameFTS = """
        CREATE VIRTUAL TABLE patient_name_fts USING fts5(
            search_name,
            content = 'patient', content_rowid = 'name_order',
            tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
            prefix = '1 2 3'
        )
        """

    /// Phone digits as trigrams, so any fragment of three or more digits matches.
    static let phoneFTS = """
        CREATE VIRTUAL TABLE patient_phone_fts USING fts5(
            phone_digits,
            content = 'patient', content_rowid = 'name_order',
            tokenize = 'trigram'
        )
        """

    static let indexes: [String] = [
        "CREATE INDEX patient_search_name ON patient(search_name, id)",
        "CREATE INDEX patient_mrn ON patient(mrn)",
        "CREATE INDEX patient_mrn_serial ON patient(mrn_serial)",
        // Covers the duplicate check's date-of-birth candidates (name, estimate, sex) without reading rows.
        "CREATE INDEX patient_birth_date ON patient(birth_date, search_name, birth_date_estimated, sex)",
        "CREATE INDEX patient_recent ON patient(last_visit_day, search_name) WHERE last_visit_day IS NOT NULL",
    ]

    static let triggers: [String] = [
        """
        CREATE TRIGGER patient_search_insert AFTER INSERT ON patient BEGIN
            INSERT INTO patient_name_fts(rowid, search_name) VALUES (new.name_order, new.search_name);
            INSERT INTO patient_phone_fts(rowid, phone_digits) VALUES (new.name_order, new.phone_digits);
        END
        """,
        """
        CREATE TRIGGER patient_search_delete AFTER DELETE ON patient BEGIN
            INSERT INTO patient_name_fts(patient_name_fts, rowid, search_name) VALUES ('delete', old.name_order, old.search_name);
            INSERT INTO patient_phone_fts(patient_phone_fts, rowid, phone_digits) VALUES ('delete', old.name_order, old.phone_digits);
        END
        """,
        """
        CREATE TRIGGER patient_search_update AFTER UPDATE ON patient
        WHEN old.name_order != new.name_order OR old.search_name != new.search_name OR old.phone_digits != new.phone_digits
        BEGIN
            INSERT INTO patient_name_fts(patient_name_fts, rowid, search_name) VALUES ('delete', old.name_order, old.search_name);
            INSERT INTO patient_name_fts(rowid, search_name) VALUES (new.name_order, new.search_name);
            INSERT INTO patient_phone_fts(patient_phone_fts, rowid, phone_digits) VALUES ('delete', old.name_order, old.phone_digits);
            INSERT INTO patient_phone_fts(rowid, phone_digits) VALUES (new.name_order, new.phone_digits);
        END
        """,
    ]

    static var createStatements: [String] { [nameFTS, phoneFTS] + indexes + triggers }

    static let dropIndexesAndTriggers: [String] = [
        "DROP TRIGGER IF EXISTS patient_search_insert",
        "DROP TRIGGER IF EXISTS patient_search_delete",
        "DROP TRIGGER IF EXISTS patient_search_update",
        "DROP INDEX IF EXISTS patient_search_name",
        "DROP INDEX IF EXISTS patient_mrn",
        "DROP INDEX IF EXISTS patient_mrn_serial",
        "DROP INDEX IF EXISTS patient_birth_date",
        "DROP INDEX IF EXISTS patient_recent",
    ]
}
