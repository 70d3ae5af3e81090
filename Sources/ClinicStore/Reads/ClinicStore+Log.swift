public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Outbox entries in the order they were written.
    public func changes(after sequence: Int64 = 0, limit: Int = 1000) throws(StoreError) -> [Change] {
        try read { db in
            try ChangeRecord.filter(Column("seq") > sequence).order(Column("seq")).limit(limit).fetchAll(db).map { try $0.change }
        }
    }

    /// Changes written but not yet accepted by the server.
    public func pendingChangeCount() throws(StoreError) -> Int {
        try read { db in try ChangeRecord.fetchCount(db) }
    }

    /// Audit events, most recently written first; for one entity when `table`/`id` are given.
    public func auditEvents(table: String? = nil, id: String? = nil, limit: Int = 100) throws(StoreError) -> [AuditEvent] {
        try read { db in
            var request = AuditEventRecord.all()
            if let table { request = request.filter(Column("entity_table") == table) }
            if let id { request = request.filter(Column("entity_id") == id) }
            return try request.order(Column.rowID.desc).limit(limit).fetchAll(db).map { try $0.event }
        }
    }

    /// The last clock value this device issued.
    public func lastClock() throws(StoreError) -> HLCTimestamp {
        try read { db in
            guard let local = try LocalDeviceRecord.fetchOne(db) else {
                throw StoreError.notAClinicDatabase(path: path, detail: "it has no device identity")
            }
            return try local.clock.last
        }
    }
}
