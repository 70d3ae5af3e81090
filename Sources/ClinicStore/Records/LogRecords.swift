import ClinicCore
import Foundation
import GRDB

/// A row of `change`: one field of one row changed by one write (the outbox).
struct ChangeRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "change"

    var seq: Int64?
    var changeID: String
    var txID: String
    var tableName: String
    var rowID: String
    var operation: String
    var field: String?
    var newValue: String?
    var baseValue: String?
    var hlc: String
    var deviceID: String
    var userID: String?
    var schemaVersion: Int

    enum CodingKeys: String, CodingKey {
        case seq, operation, field, hlc
        case changeID = "change_id", txID = "tx_id", tableName = "table_name", rowID = "row_id"
        case newValue = "new_value", baseValue = "base_value", deviceID = "device_id", userID = "user_id"
        case schemaVersion = "schema_version"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        seq = inserted.rowID
    }

    var change: Change {
        get throws {
            Change(
                sequence: seq ?? 0, changeID: try UUID(stored: changeID), transactionID: try UUID(stored: txID),
                table: tableName, rowID: rowID, operation: ChangeOperation(rawValue: operation) ?? .update,
                field: field, newValue: newValue.flatMap(FieldValue.init(jsonText:)),
                baseValue: baseValue.flatMap(FieldValue.init(jsonText:)), hlc: try HLCTimestamp(stored: hlc),
                deviceID: try EntityID(stored: deviceID), userID: userID.flatMap(EntityID.init), schemaVersion: schemaVersion
            )
        }
    }
}

/// A row of `audit_event`.
struct AuditEventRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "audit_event"

    var id: String
    var at: String
    var deviceID: String
    var userID: String?
    var actor: String
    var action: String
    var entityTable: String
    var entityID: String
    var patientID: String?
    var summary: String
    /// The clock of the write the event describes (the same clock as its change rows and
    /// field clocks), so a changed field can be traced back to who changed it.
    var hlc: String?
    /// Its number in this device's audit chain (see ``AuditChain``).
    var chainSeq: Int64?
    /// The hash over the previous event's hash and this event's canonical content.
    var chainHash: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, summary, hlc
        case deviceID = "device_id", userID = "user_id", entityTable = "entity_table", entityID = "entity_id"
        case patientID = "patient_id", chainSeq = "chain_seq", chainHash = "chain_hash"
    }

    /// The event as the chain hashes it.
    var link: AuditLink {
        AuditLink(seq: chainSeq, id: id, at: at, deviceID: deviceID, userID: userID, actor: actor, action: action,
                  entityTable: entityTable, entityID: entityID, patientID: patientID, summary: summary, hlc: hlc, hash: chainHash)
    }

    var event: AuditEvent {
        get throws {
            AuditEvent(
                id: try UUID(stored: id), at: ISOInstant.parse(at) ?? Date(timeIntervalSince1970: 0),
                deviceID: try EntityID(stored: deviceID), userID: userID.flatMap(EntityID.init), actor: actor, action: action,
                entityTable: entityTable, entityID: entityID, summary: summary
            )
        }
    }
}
