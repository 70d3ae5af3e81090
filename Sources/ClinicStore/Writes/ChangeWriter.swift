import ClinicCore
import Foundation
import GRDB

/// The inside of one write transaction: stamps rows with this write's HLC, records
/// a change row per changed field, and the audit event. Only ClinicStore's write
/// methods hold one, and only inside ``ClinicStore/write(_:by:_:)``.
struct ChangeWriter {
    let db: Database
    let author: Author
    let environment: StoreEnvironment
    let device: EntityID<Device>
    /// The one clock value of every change in this write.
    let hlc: HLCTimestamp
    /// Groups the changes of this write; also the audit event's id.
    let transactionID: UUID
    let now: Date
    private(set) var changeCount = 0
    private(set) var audited = false
    /// The tables this write changed, bumped in ``TableVersions`` when it commits.
    private(set) var tables: Set<String> = []

    /// Starts a write: ticks and persists the device's hybrid logical clock.
    init(db: Database, author: Author, environment: StoreEnvironment) throws {
        guard var local = try LocalDeviceRecord.fetchOne(db) else {
            throw StoreError.notAClinicDatabase(path: db.configuration.label ?? "database", detail: "it has no device identity")
        }
        var clock = try local.clock
        let stamp = clock.tick(wallMillis: environment.clock.millisecondsSinceEpoch())
        local.hlcMillis = Int64(clock.millis)
        local.hlcCounter = Int(clock.counter)
        try local.update(db, columns: ["hlc_millis", "hlc_counter"])
        self.db = db
        self.author = author
        self.environment = environment
        device = try EntityID(stored: local.deviceID)
        hlc = stamp
        transactionID = environment.ids.next()
        now = environment.clock.now()
    }

    /// Inserts a new row and one `insert` change per field that has a value.
    mutating func insert<Record: SyncedRecord>(_ record: inout Record) throws {
        record.hlc = hlc.description
        record.originDevice = device.description
        try record.willInsert(db)
        try record.insert(db)
        for field in try record.syncedFields() where field.value != .null {
            try appendChange(Record.databaseTableName, record.id, .insert, field.name, new: field.value, base: nil)
        }
    }

    /// Writes the fields of `record` that differ from `old`, one change per field with its
    /// base value. Returns the names of the changed fields (empty: nothing was written).
    @discardableResult
    mutating func update<Record: SyncedRecord>(_ record: inout Record, from old: Record) throws -> [String] {
        let before = Dictionary(uniqueKeysWithValues: try old.syncedFields().map { ($0.name, $0.value) })
        let changed = try record.syncedFields().filter { before[$0.name] != $0.value }
        guard !changed.isEmpty else { return [] }
        // The row's own `hlc` stays the clock of the write that created it: a field's clock is its
        // `field_clock` entry when it has one, else the row's, so merges compare like with like.
        try record.willUpdate(from: old, db)
        try writeColumns(of: record, changedFrom: old)
        let operation: ChangeOperation = old.deletedAt == nil && record.deletedAt != nil ? .delete : .update
        for field in changed {
            try appendChange(Record.databaseTableName, record.id, operation, field.name, new: field.value, base: before[field.name])
            try db.execute(
                sql: """
                    INSERT INTO field_clock(table_name, row_id, field, hlc) VALUES (?, ?, ?, ?)
                    ON CONFLICT(table_name, row_id, field) DO UPDATE SET hlc = excluded.hlc
                    """,
                arguments: [Record.databaseTableName, record.id, field.name, hlc.description]
            )
        }
        return changed.map(\.name)
    }

    /// `UPDATE … WHERE id = ?` of every column that differs, local columns included. Keyed by
    /// `id` rather than the table's primary key, which for patients moves with the name.
    private func writeColumns<Record: SyncedRecord>(of record: Record, changedFrom old: Record) throws {
        let before = try old.databaseDictionary
        let columns = try record.databaseDictionary.filter { $0.key != "id" && before[$0.key] != $0.value }.sorted { $0.key < $1.key }
        guard !columns.isEmpty else { return }
        let assignments = columns.map { "\($0.key) = ?" }.joined(separator: ", ")
        try db.execute(sql: "UPDATE \(Record.databaseTableName) SET \(assignments) WHERE id = ?",
                       arguments: StatementArguments(columns.map(\.value) + [record.id.databaseValue]))
    }

    /// Marks a row deleted with a reason (rows are never physically deleted).
    mutating func softDelete<Record: SyncedRecord>(_ record: inout Record, reason: String) throws {
        let old = record
        record.deletedAt = ISOInstant.format(now)
        record.deleteReason = reason
        try update(&record, from: old)
    }

    /// Records the audit event of this write. Exactly one per write that changes anything.
    ///
    /// - Parameter patient: the patient the write concerns, so "recent patients" can list it.
    mutating func audit<Record: SyncedRecord>(
        _ action: String, _: Record.Type, _ id: String, _ summary: String, patient: String? = nil
    ) throws {
        try audit(action, table: Record.databaseTableName, id, summary,
                  patient: patient ?? (Record.databaseTableName == PatientRecord.databaseTableName ? id : nil))
    }

    /// The audit event of a write about a row of `table` (a local table, or one without a record type).
    mutating func audit(_ action: String, table: String, _ id: String, _ summary: String, patient: String? = nil) throws {
        precondition(!audited, "one audit event per write")
        let event = AuditEventRecord(
            id: transactionID.lowercased, at: ISOInstant.format(now), deviceID: device.description,
            userID: author.userID?.description, actor: author.name, action: action,
            entityTable: table, entityID: id, patientID: patient, summary: summary,
            hlc: hlc.description
        )
        try AuditChainSchema.append(event, db)
        audited = true
        tables.insert(AuditEventRecord.databaseTableName)
    }

    /// Takes the next MRN from this device's counter.
    mutating func nextMRN() throws -> MRN {
        guard let row = try Row.fetchOne(
            db, sql: "UPDATE local_device SET mrn_counter = mrn_counter + 1 RETURNING mrn_prefix, mrn_counter"
        ) else {
            throw StoreError.notAClinicDatabase(path: "database", detail: "it has no device identity")
        }
        return MRN(prefix: row["mrn_prefix"], serial: row["mrn_counter"])
    }

    /// Today in the clinic's time zone.
    func today() throws -> CalendarDate {
        let zone = try String.fetchOne(db, sql: "SELECT time_zone FROM clinic LIMIT 1").flatMap(TimeZone.init(identifier:))
        return CalendarDate.today(clock: environment.clock, timeZone: zone ?? .gmt)
    }

    /// Names a table this write changed without change rows of its own (a bulk load's snapshots).
    mutating func wrote(_ table: String) {
        tables.insert(table)
    }

    /// Appends an `update` change for a field written by ``writeField(table:id:field:value:)``.
    mutating func recordFieldChange(table: String, rowID: String, field: String, new: FieldValue, base: FieldValue) throws {
        try appendChange(table, rowID, .update, field, new: new, base: base)
    }

    private mutating func appendChange(
        _ table: String, _ rowID: String, _ operation: ChangeOperation, _ field: String?,
        new: FieldValue?, base: FieldValue?
    ) throws {
        var change = ChangeRecord(
            changeID: environment.ids.next().lowercased, txID: transactionID.lowercased, tableName: table,
            rowID: rowID, operation: operation.rawValue, field: field, newValue: new?.jsonText,
            baseValue: base?.jsonText, hlc: hlc.description, deviceID: device.description,
            userID: author.userID?.description, schemaVersion: ClinicSchema.version
        )
        try change.insert(db)
        changeCount += 1
        tables.insert(table)
    }
}

extension ClinicStore {
    /// Sync's own bookkeeping (outbox removal after the server answered, the cursor, the lease,
    /// the last attempt): one transaction, no change rows, because none of it is clinic data that
    /// should travel. Anything that changes clinic data still goes through ``write(_:by:_:)``.
    /// - Parameter tables: what the commit changed, for other terminals (sync's state unless said otherwise).
    func maintain<T>(_ tables: Set<String> = ["sync_state"], _ body: (Database) throws -> T) throws(StoreError) -> T {
        try StoreErrors.mapping(path: path) {
            try pool.write { db in
                let result = try body(db)
                try TableVersions.bump(tables, in: db)
                return result
            }
        }
    }

    /// Runs one user intent as one transaction: permission check, the body's writes,
    /// their change rows and the audit event. A body that changes nothing is rolled back
    /// (no audit event for a no-op); one that changes rows without an audit event is a defect.
    func write<T>(
        _ permission: Permission?, by author: Author, _ body: (inout ChangeWriter) throws -> T
    ) throws(StoreError) -> T {
        if let permission, let role = author.role, !role.may(permission) {
            throw .notPermitted(role: role, permission: permission)
        }
        return try StoreErrors.mapping(path: path) {
            try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    var writer = try ChangeWriter(db: db, author: author, environment: environment)
                    result = try body(&writer)
                    if writer.changeCount == 0 && !writer.audited { return .rollback }
                    guard writer.audited else { throw StoreError.database("a write recorded changes without an audit event") }
                    // A write that says only that it was audited changed rows it did not name.
                    let named = writer.tables.subtracting([AuditEventRecord.databaseTableName])
                    try TableVersions.bump(named.isEmpty ? writer.tables.union([TableVersions.unknown]) : writer.tables, in: db)
                    return .commit
                }
                return result!
            }
        }
    }
}
