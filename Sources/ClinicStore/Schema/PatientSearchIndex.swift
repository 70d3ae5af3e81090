/// The patient search structures: full-text indexes on the normalised name and on
/// phone digits, plus B-tree indexes for MRN and date of birth.
///
/// Kept in one place because the bulk loader drops and recreates exactly these
/// (building an index once after a million inserts is twice as fast as keeping it live).
enum PatientSearchIndex {
    /// Name tokens: diacritics folded, any script (combining marks are kept as part of
    /// words so Devanagari vowel signs do not split a name), prefix indexes for 1–3 characters.
    static let nameFTS = """
        CREATE VIRTUAL TABLE patient_name_fts USING fts5(
            search_name,
            content = 'patient', content_rowid = 'rowid',
            tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
            prefix = '1 2 3'
        )
        """

    /// Phone digits as trigrams, so any fragment of three or more digits matches.
    static let phoneFTS = """
        CREATE VIRTUAL TABLE patient_phone_fts USING fts5(
            phone_digits,
            content = 'patient', content_rowid = 'rowid',
            tokenize = 'trigram'
        )
        """

    static let indexes: [String] = [
        "CREATE INDEX patient_search_name ON patient(search_name)",
        "CREATE INDEX patient_mrn ON patient(mrn)",
        "CREATE INDEX patient_mrn_serial ON patient(mrn_serial)",
        "CREATE INDEX patient_birth_date ON patient(birth_date)",
    ]

    static let triggers: [String] = [
        """
        CREATE TRIGGER patient_search_insert AFTER INSERT ON patient BEGIN
            INSERT INTO patient_name_fts(rowid, search_name) VALUES (new.rowid, new.search_name);
            INSERT INTO patient_phone_fts(rowid, phone_digits) VALUES (new.rowid, new.phone_digits);
        END
        """,
        """
        CREATE TRIGGER patient_search_delete AFTER DELETE ON patient BEGIN
            INSERT INTO patient_name_fts(patient_name_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
            INSERT INTO patient_phone_fts(patient_phone_fts, rowid, phone_digits) VALUES ('delete', old.rowid, old.phone_digits);
        END
        """,
        """
        CREATE TRIGGER patient_search_name_update AFTER UPDATE OF search_name ON patient BEGIN
            INSERT INTO patient_name_fts(patient_name_fts, rowid, search_name) VALUES ('delete', old.rowid, old.search_name);
            INSERT INTO patient_name_fts(rowid, search_name) VALUES (new.rowid, new.search_name);
        END
        """,
        """
        CREATE TRIGGER patient_search_phone_update AFTER UPDATE OF phone_digits ON patient BEGIN
            INSERT INTO patient_phone_fts(patient_phone_fts, rowid, phone_digits) VALUES ('delete', old.rowid, old.phone_digits);
            INSERT INTO patient_phone_fts(rowid, phone_digits) VALUES (new.rowid, new.phone_digits);
        END
        """,
    ]

    static var createStatements: [String] { [nameFTS, phoneFTS] + indexes + triggers }

    static let dropIndexesAndTriggers: [String] = [
        "DROP TRIGGER IF EXISTS patient_search_insert",
        "DROP TRIGGER IF EXISTS patient_search_delete",
        "DROP TRIGGER IF EXISTS patient_search_name_update",
        "DROP TRIGGER IF EXISTS patient_search_phone_update",
        "DROP INDEX IF EXISTS patient_search_name",
        "DROP INDEX IF EXISTS patient_mrn",
        "DROP INDEX IF EXISTS patient_mrn_serial",
        "DROP INDEX IF EXISTS patient_birth_date",
    ]
}
