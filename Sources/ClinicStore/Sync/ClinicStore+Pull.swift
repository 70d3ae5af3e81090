public import ClinicCore
import Foundation
import GRDB

/// What applying a pulled page did.
public struct PullSummary: Hashable, Sendable {
    public var applied = 0
    public var skippedOwn = 0
    public var conflicts = 0
    /// Double bookings that a pulled change ended (moved apart, cancelled), settled on the way in.
    public var settled = 0

    public init() {}
}

extension ClinicStore {
    /// Applies a page of other devices' changes and stores the new cursor, in one transaction.
    ///
    /// Each field write goes through ``MergePolicy`` against this device's value and clock, so
    /// every device ends with the same values whatever order pages arrive in; disagreements are
    /// recorded as conflicts. Rows new to this device are inserted whole (a page never splits
    /// the write that created them). Pulled changes advance this device's clock and are not
    /// put in the outbox. If the stored cursor is no longer `expectedCursor` (another process
    /// pulled meanwhile), nothing is applied.
    ///
    /// A database restored from a backup takes back its own changes too (those it made after the
    /// backup came back from the server), and moves its MRN and receipt counters past any number it
    /// finds it issued; `caughtUp` (the server has nothing after this page) ends that.
    @discardableResult
    public func applyPulledChanges(
        _ changes: [IncomingChange], expectedCursor: Int64, nextCursor: Int64, caughtUp: Bool = false
    ) throws(StoreError) -> PullSummary {
        try maintain { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let cursor = try Int64.fetchOne(db, sql: "SELECT cursor FROM sync_state") ?? 0
            guard cursor == expectedCursor else {
                throw StoreError.database("another process pulled meanwhile (cursor \(cursor), expected \(expectedCursor)); pulling again")
            }
            let restored = try String.fetchOne(db, sql: "SELECT restored_at FROM local_device") != nil
            var applier = try PullApplier(db: db, device: device.id.uuid, now: environment.clock.now(), environment: environment,
                                          takesOwnChanges: restored)
            try applier.apply(changes)
            try TableVersions.bump(Set(changes.map(\.table)), in: db)
            try db.execute(sql: "UPDATE sync_state SET cursor = ?", arguments: [nextCursor])
            try applier.finish()
            if restored {
                try RestoredCounters.catchUp(db)
                if caughtUp { try db.execute(sql: "UPDATE local_device SET restored_at = NULL") }
            }
            return applier.summary
        }
    }
}

/// The merge loop of one pulled page.
struct PullApplier {
    let db: Database
    let device: UUID
    let now: Date
    let environment: StoreEnvironment
    var clock: HybridLogicalClock
    var summary = PullSummary()
    var origins: Set<UUID> = []

    /// Whether this device's own changes are applied too (after a restore from a backup).
    let takesOwnChanges: Bool

    init(db: Database, device: UUID, now: Date, environment: StoreEnvironment, takesOwnChanges: Bool = false) throws {
        self.db = db
        self.device = device
        self.takesOwnChanges = takesOwnChanges
        self.now = now
        self.environment = environment
        guard let local = try LocalDeviceRecord.fetchOne(db) else {
            throw StoreError.notAClinicDatabase(path: "database", detail: "it has no device identity")
        }
        clock = try local.clock
    }

    mutating func apply(_ changes: [IncomingChange]) throws {
        let foreign = takesOwnChanges ? changes : changes.filter { $0.originDevice != device }
        summary.skippedOwn = changes.count - foreign.count
        let inserted = try insertNewRows(foreign)
        var appointments = inserted.filter { $0.table == AppointmentRecord.databaseTableName }.map(\.id).sorted()
        for change in foreign {
            if let hlc = change.writes.values.first?.hlc { _ = try clock.receive(hlc, wallMillis: environment.clock.millisecondsSinceEpoch()) }
            origins.insert(change.originDevice)
            summary.applied += 1
            let key = RowKey(table: change.table, id: change.rowID)
            if inserted.contains(key) && (change.operation == .insert || change.operation == .snapshot) { continue }
            try merge(change)
            if change.table == AppointmentRecord.databaseTableName { appointments.append(change.rowID) }
        }
        try reviewDoubleBookings(appointments)
    }

    /// Inserts rows this device has never seen, from all of the page's insert and snapshot
    /// writes for them (the latest write of each field); returns which rows were inserted.
    private func insertNewRows(_ changes: [IncomingChange]) throws -> Set<RowKey> {
        var pending: [RowKey: (values: [String: FieldWrite], origin: UUID)] = [:]
        var order: [RowKey] = []
        for change in changes where change.operation == .insert || change.operation == .snapshot {
            guard let fields = SyncedTables.fields[change.table] else { continue }
            let key = RowKey(table: change.table, id: change.rowID)
            if pending[key] == nil {
                guard try SyncedRow.state(table: change.table, id: change.rowID, in: db) == nil else { continue }
                pending[key] = ([:], change.originDevice)
                order.append(key)
            }
            for (field, write) in change.writes where fields.contains(field) {
                if let existing = pending[key]?.values[field], existing.hlc > write.hlc { continue }
                pending[key]?.values[field] = write
            }
        }
        for key in order {
            guard let row = pending[key], let hlc = row.values.values.map(\.hlc).max() else { continue }
            try SyncedRow.insert(table: key.table, id: key.id, values: row.values.mapValues(\.value), hlc: hlc, origin: row.origin, in: db)
            for (field, write) in row.values where write.hlc != hlc {
                try db.execute(sql: "INSERT OR REPLACE INTO field_clock(table_name, row_id, field, hlc) VALUES (?, ?, ?, ?)",
                               arguments: [key.table, key.id, field, write.hlc.description])
            }
        }
        return Set(order)
    }

    /// Merges each field of a change into an existing row.
    private mutating func merge(_ change: IncomingChange) throws {
        guard let fields = SyncedTables.fields[change.table],
              let state = try SyncedRow.state(table: change.table, id: change.rowID, in: db)
        else { return }
        for (field, write) in change.writes.sorted(by: { $0.key < $1.key }) where fields.contains(field) {
            let current = FieldState(value: state.values[field] ?? .null, hlc: state.clocks[field] ?? state.rowClock)
            let decision = MergePolicy.decide(table: change.table, field: field, current: current, incoming: write)
            if decision.incomingWins {
                try SyncedRow.update(table: change.table, id: change.rowID, field: field, value: write.value, hlc: write.hlc, in: db)
            }
            if let kind = decision.conflict {
                try recordConflict(kind: kind, table: change.table, row: change.rowID, field: field, local: current,
                                   remote: write, shown: decision.incomingWins ? write.value : current.value)
            }
        }
    }

    private mutating func recordConflict(
        kind: ConflictKind, table: String, row: String, field: String, local: FieldState, remote: FieldWrite, shown: FieldValue
    ) throws {
        try db.execute(sql: """
            INSERT INTO sync_conflict (id, kind, table_name, row_id, field, local_value, local_hlc, remote_value, remote_hlc,
              shown_value, detected_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [environment.ids.next().lowercased, kind.rawValue, table, row, field, local.value.jsonText,
                             local.hlc.description, remote.value.jsonText, remote.hlc.description, shown.jsonText, ISOInstant.format(now)])
        summary.conflicts += 1
    }

    /// Sync can reveal that two devices booked one provider, or one patient, at one time: both
    /// appointments stay and each new clash becomes a conflict to resolve; a pulled change that
    /// ends a clash (a move, a cancellation on the other device) settles its conflict.
    private mutating func reviewDoubleBookings(_ appointments: [String]) throws {
        var seen = Set<String>()
        for id in appointments where seen.insert(id).inserted {
            summary.settled += try DoubleBookings.settle(involving: id, by: Author.system("sync").name, in: db, now: now).count
            summary.conflicts += try DoubleBookings.flag(id, in: db, ids: environment.ids, now: now)
        }
    }

    /// Persists the clock and, when anything arrived, one audit event for the page.
    mutating func finish() throws {
        // The write transaction holds the database, so the clock read at the start is still current.
        try db.execute(sql: "UPDATE local_device SET hlc_millis = ?, hlc_counter = ?", arguments: [Int64(clock.millis), Int(clock.counter)])
        guard summary.applied > 0 else { return }
        var writer = try ChangeWriter(db: db, author: .system("sync"), environment: environment)
        let from = origins.map(\.lowercased).sorted().map { String($0.prefix(8)) }.joined(separator: ", ")
        try writer.audit("sync.pull", ClinicRecord.self, "", "Applied \(summary.applied) change\(summary.applied == 1 ? "" : "s") from device\(origins.count == 1 ? "" : "s") \(from)"
                            + (summary.conflicts > 0 ? "; \(summary.conflicts) conflict\(summary.conflicts == 1 ? "" : "s") to review" : "")
                            + (summary.settled > 0 ? "; \(summary.settled) double booking\(summary.settled == 1 ? "" : "s") settled" : ""))
    }
}

/// A row of a table, by id.
struct RowKey: Hashable {
    var table: String
    var id: String
}
