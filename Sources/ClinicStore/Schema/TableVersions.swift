import ClinicCore
import GRDB

/// A counter per table, bumped once by each transaction that writes the table (migration
/// `v9-table-versions`), so a terminal woken by another process's commit can tell what it
/// changed and reread only the panes that show it: thirty terminals rereading every pane on
/// every check-in kept two cores busy for most of a second. Local to this database, never synced.
///
/// Every write path bumps what it wrote: ``ClinicStore/write(_:by:_:)`` the tables of its change
/// rows and its audit event, ``ClinicStore/maintain(_:)`` sync's state, a pulled page the tables
/// it merged into, the bulk imports theirs. A commit that bumps nothing known is read as "anything
/// may have changed".
enum TableVersions {
    static let statements = [
        "CREATE TABLE table_version (table_name TEXT PRIMARY KEY NOT NULL, version INTEGER NOT NULL) WITHOUT ROWID",
    ]

    /// The name a write bumps when it cannot say which tables it changed.
    static let unknown = "*"

    static func bump(_ tables: Set<String>, in db: Database) throws {
        for table in tables.sorted() {
            try db.execute(
                sql: """
                    INSERT INTO table_version (table_name, version) VALUES (?, 1)
                    ON CONFLICT(table_name) DO UPDATE SET version = version + 1
                    """, arguments: [table])
        }
    }

    static func read(_ db: Database) throws -> [String: Int64] {
        Dictionary(
            try Row.fetchAll(db, sql: "SELECT table_name, version FROM table_version").map { ($0[0] as String, $0[1] as Int64) },
            uniquingKeysWith: max)
    }

    /// What changed between two readings, as kinds of data; ``ChangedData/everything`` when a
    /// table without a kind (or none at all) moved.
    static func changes(from old: [String: Int64], to new: [String: Int64]) -> ChangedData {
        let moved = new.filter { old[$0.key] != $0.value }.map(\.key)
        var changed: Set<ClinicDataKind> = []
        for table in moved {
            guard let kinds = kinds(of: table) else { return .everything }
            changed.formUnion(kinds)
        }
        return changed.isEmpty ? .everything : ChangedData(changed)
    }

    /// The kinds of data a table holds; nil for tables whose change may concern anything (the
    /// clinic's settings, the device's identity, an unknown write).
    static func kinds(of table: String) -> Set<ClinicDataKind>? {
        switch table {
        case "patient", "patient_identifier": [.patients]
        case "allergy": [.allergies]
        case "medication": [.medicines]
        case "appointment": [.appointments]
        case "waitlist_entry": [.waitlist]
        case "provider", "schedule_template", "schedule_exception": [.providers]
        case "visit", "visit_hop", "triage", "consultation_note": [.visits]
        case "station": [.stations]
        case "prescription", "prescription_item", "prescription_alert": [.prescriptions]
        case "user_account", "sign_in_lock": [.users]
        case "user_session": [.sessions]
        case "sync_state", "sync_conflict", "sync_quarantine", "sync_lease", "change": [.sync]
        case "audit_event": [.audit]
        case "price_item", "invoice", "invoice_line", "payment", "cash_count": [.billing]
        default: nil
        }
    }
}
