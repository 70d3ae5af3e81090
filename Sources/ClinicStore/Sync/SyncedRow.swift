import ClinicCore
import Foundation
import GRDB

/// Reads and writes synced rows by table name and field name, for the parts of the store
/// that handle changes generically (applying pulled changes, resolving conflicts, digests).
/// Locally derived columns (search keys, name order) are recomputed after every write.
enum SyncedRow {
    /// The row's synced field values and per-field clocks, or nil when it does not exist.
    static func state(table: String, id: String, in db: Database) throws -> (values: [String: FieldValue], clocks: [String: HLCTimestamp], rowClock: HLCTimestamp)? {
        guard let fields = SyncedTables.fields[table],
              let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM \(table) WHERE id = ?"), arguments: [id])
        else { return nil }
        let rowClock = try HLCTimestamp(stored: row["hlc"])
        var values: [String: FieldValue] = [:]
        for field in fields { values[field] = FieldValue(row[field] as DatabaseValue) }
        var clocks: [String: HLCTimestamp] = [:]
        for clock in try Row.fetchAll(try db.cachedStatement(sql: "SELECT field, hlc FROM field_clock WHERE table_name = ? AND row_id = ?"),
                                      arguments: [table, id]) {
            clocks[clock["field"]] = try HLCTimestamp(stored: clock["hlc"])
        }
        return (values, clocks, rowClock)
    }

    /// Inserts a row from field values (a pulled insert or snapshot), then derives its local columns.
    static func insert(table: String, id: String, values: [String: FieldValue], hlc: HLCTimestamp, origin: UUID, in db: Database) throws {
        var columns = ["id", "hlc", "origin_device"]
        var arguments: [DatabaseValue] = [id.databaseValue, hlc.description.databaseValue, origin.lowercased.databaseValue]
        for (field, value) in values.sorted(by: { $0.key < $1.key }) where value != .null {
            columns.append(field)
            arguments.append(value.databaseValue)
        }
        if table == PatientRecord.databaseTableName {
            let family = values["family_name"]?.text ?? ""
            let given = values["given_name"]?.text ?? ""
            let searchName = PatientRecord.searchName(family: family, given: given)
            columns += ["name_order", "search_name", "mrn_serial", "phone_digits"]
            arguments += [
                try PatientNameOrder.key(searchName: searchName, id: id, in: db).databaseValue, searchName.databaseValue,
                (MRN(values["mrn"]?.text ?? "")?.serial ?? 0).databaseValue,
                phoneDigits(values["phone"], values["alternate_phone"]).databaseValue,
            ]
        } else if table == PatientIdentifierRecord.databaseTableName {
            columns.append("match_key")
            arguments.append(PatientIdentifier(kind: "", value: values["value"]?.text ?? "").matchKey.databaseValue)
        }
        let marks = columns.map { _ in "?" }.joined(separator: ", ")
        // Cached by column list: a page of a thousand new rows of one table shares a handful of statements.
        try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))")
            .execute(arguments: StatementArguments(arguments))
    }

    /// Sets one field and its clock, then derives the row's local columns again.
    static func update(table: String, id: String, field: String, value: FieldValue, hlc: HLCTimestamp, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE \(table) SET \(field) = ? WHERE id = ?").execute(arguments: [value.databaseValue, id])
        try db.cachedStatement(sql: """
            INSERT INTO field_clock(table_name, row_id, field, hlc) VALUES (?, ?, ?, ?)
            ON CONFLICT(table_name, row_id, field) DO UPDATE SET hlc = max(hlc, excluded.hlc)
            """).execute(arguments: [table, id, field, hlc.description])
        try refreshDerivedColumns(table: table, id: id, in: db)
    }

    /// Recomputes search keys (and the patient's place in name order) from the stored fields.
    static func refreshDerivedColumns(table: String, id: String, in db: Database) throws {
        switch table {
        case PatientRecord.databaseTableName:
            guard let record = try PatientRecord.find(id, in: db) else { return }
            let searchName = PatientRecord.searchName(family: record.familyName, given: record.givenName)
            let digits = phoneDigits(record.phone.map(FieldValue.text), record.alternatePhone.map(FieldValue.text))
            let serial = MRN(record.mrn)?.serial ?? record.mrnSerial
            guard searchName != record.searchName || digits != record.phoneDigits || serial != record.mrnSerial else { return }
            let order = searchName == record.searchName ? record.nameOrder
                : try PatientNameOrder.key(searchName: searchName, id: id, in: db)
            try db.execute(sql: "UPDATE patient SET search_name = ?, phone_digits = ?, mrn_serial = ?, name_order = ? WHERE id = ?",
                           arguments: [searchName, digits, serial, order, id])
        case PatientIdentifierRecord.databaseTableName:
            try db.execute(sql: "UPDATE patient_identifier SET match_key = ? WHERE id = ?", arguments: [
                PatientIdentifier(kind: "", value: try String.fetchOne(db, sql: "SELECT value FROM patient_identifier WHERE id = ?",
                                                                       arguments: [id]) ?? "").matchKey, id,
            ])
        default:
            break
        }
    }

    private static func phoneDigits(_ phone: FieldValue?, _ alternate: FieldValue?) -> String {
        [phone, alternate].compactMap { $0?.text }.compactMap { try? PhoneNumber(parsing: $0).digits }.joined(separator: " ")
    }

    /// A few words naming the row for people ("Smith, John (RFC-000123)").
    static func subject(table: String, id: String, in db: Database) throws -> String {
        switch table {
        case PatientRecord.databaseTableName:
            guard let record = try PatientRecord.find(id, in: db) else { return "patient \(id)" }
            return "\(record.familyName), \(record.givenName) (\(record.mrn))"
        case AppointmentRecord.databaseTableName:
            guard let row = try Row.fetchOne(db, sql: """
                SELECT a.start_date, a.start_minute, p.family_name, p.given_name FROM appointment a
                JOIN patient p ON p.id = a.patient_id WHERE a.id = ?
                """, arguments: [id]) else { return "appointment \(id)" }
            let time = ClockTime(minuteOfDay: row["start_minute"]).map(\.description) ?? ""
            return "appointment \(row["start_date"] as String) \(time) of \(row["family_name"] as String), \(row["given_name"] as String)"
        default:
            return "\(table) \(id)"
        }
    }
}
