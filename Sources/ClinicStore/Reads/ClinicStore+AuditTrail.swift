public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Recomputes this device's audit chain and names the first event that was changed,
    /// removed or inserted since it was written.
    public func verifyAuditChain() throws(StoreError) -> AuditChainReport {
        try read { db in
            guard let head = try Row.fetchOne(db, sql: "SELECT device_id, audit_seq, audit_hash FROM local_device") else {
                throw StoreError.notAClinicDatabase(path: path, detail: "it has no device identity")
            }
            let device: String = head["device_id"]
            // Read a row at a time: a clinic's trail may hold millions of events.
            var verifier = AuditChainVerifier(headSeq: head["audit_seq"], headHash: head["audit_hash"], hash: AuditChainSchema.sha256)
            let numbered = try AuditEventRecord.filter(Column("device_id") == device && Column("chain_seq") != nil)
                .order(Column("chain_seq"), Column.rowID).fetchCursor(db)
            while let event = try numbered.next(), verifier.add(event.link) {}
            // Events are never pulled from other devices, so one naming another device was put here by hand.
            let unnumbered = try AuditEventRecord.filter(Column("device_id") != device || Column("chain_seq") == nil)
                .order(Column.rowID).fetchOne(db)
            return verifier.finish(unnumbered: unnumbered?.link)
        }
    }

    /// Audit events matching `query`, oldest first: who saw or changed what, when, from which device.
    public func auditTrail(_ query: AuditQuery) throws(StoreError) -> [AuditTrailEntry] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let patient = query.patientID {
                conditions.append("e.patient_id = ?")
                _ = arguments.append(contentsOf: [patient.description])
            }
            if let actor = query.actor {
                conditions.append("e.actor = ?")
                _ = arguments.append(contentsOf: [actor.lowercased()])
            }
            if let from = query.from {
                conditions.append("e.at >= ?")
                _ = arguments.append(contentsOf: [ISOInstant.format(from)])
            }
            if let to = query.to {
                conditions.append("e.at < ?")
                _ = arguments.append(contentsOf: [ISOInstant.format(to)])
            }
            _ = arguments.append(contentsOf: [query.limit])
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.*, p.mrn AS patient_mrn, p.family_name, p.given_name, d.device_name AS local_name
                FROM audit_event e
                LEFT JOIN patient p ON p.id = e.patient_id
                LEFT JOIN local_device d ON d.device_id = e.device_id
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY e.at, e.rowid
                LIMIT ?
                """, arguments: arguments)
            return try rows.map { row in
                let record = try AuditEventRecord(row: row)
                let family: String? = row["family_name"]
                return AuditTrailEntry(
                    event: try record.event, patientMRN: row["patient_mrn"],
                    patientName: family.map { PatientDetails.displayName(familyName: $0, givenName: row["given_name"] ?? "") },
                    device: row["local_name"] ?? record.deviceID)
            }
        }
    }
}

extension ClinicStore {
    /// Audits that `author` opened a patient's card ("who looked at this record"). The desk
    /// calls it once per user, patient and sign-in, so the trail is not flooded by rereads.
    public func recordCardRead(patient id: EntityID<Patient>, by author: Author) throws(StoreError) {
        try write(nil, by: author) { writer in
            guard let patient = try PatientRecord.filter(Column("id") == id.description).fetchOne(writer.db) else {
                throw StoreError.notFound(what: "patient", id: id.description)
            }
            try writer.audit("patient.read", PatientRecord.self, patient.id,
                             "Opened the card of \(PatientDetails.displayName(familyName: patient.familyName, givenName: patient.givenName)) (\(patient.mrn))")
        }
    }
}

extension ClinicStore {
    /// This device's chained audit events the sync server has not accepted yet, in chain order.
    public func auditEventsToSend(limit: Int) throws(StoreError) -> [AuditLink] {
        try read { db in
            guard let sent = try Int64.fetchOne(db, sql: "SELECT audit_sent_seq FROM sync_state"),
                  let device = try String.fetchOne(db, sql: "SELECT device_id FROM local_device") else { return [] }
            return try AuditEventRecord
                .filter(Column("device_id") == device && Column("chain_seq") > sent)
                .order(Column("chain_seq")).limit(limit).fetchAll(db).map(\.link)
        }
    }

    /// Records that the server holds this device's audit chain up to `seq`.
    public func markAuditSent(through seq: Int64) throws(StoreError) {
        try maintain(["sync_state"]) { db in
            try db.execute(sql: "UPDATE sync_state SET audit_sent_seq = max(audit_sent_seq, ?)", arguments: [seq])
        }
    }
}
