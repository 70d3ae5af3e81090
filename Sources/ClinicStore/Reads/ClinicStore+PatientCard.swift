public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Everything the patient card shows, read in one snapshot.
    public func patientCard(_ id: EntityID<Patient>) throws(StoreError) -> PatientCard? {
        let today = today()
        return try read { db in
            guard let record = try PatientRecord.find(id.description, in: db), record.deletedAt == nil else { return nil }
            let patient = try record.patient(identifiers: try identifiers(of: id, in: db))
            let upcoming = try Row.fetchAll(db, sql: """
                SELECT \(AppointmentRecord.columns("a")), v.display_name FROM appointment a JOIN provider v ON v.id = a.provider_id
                WHERE a.patient_id = ? AND a.start_date >= ? AND a.deleted_at IS NULL
                  AND a.status IN ('booked', 'confirmed')
                ORDER BY a.start_date, a.start_minute LIMIT 10
                """, arguments: [id.description, today.description]).map { row in
                ScheduleEntry(appointment: try AppointmentRecord(row: row, at: 0).appointment, patientName: patient.displayName,
                              patientMRN: patient.mrn, providerName: row[AppointmentRecord.columnCount])
            }
            let visits = try visitHistory(of: id, limit: 10, in: db)
            return PatientCard(
                patient: patient, allergies: try allergies(of: id, in: db).current, upcoming: upcoming,
                recentVisits: visits, prescriptions: try prescriptions(of: id, in: db),
                otherMedicines: try otherMedicines(of: id, in: db).current,
                balance: try Self.balances(of: [id.description], db)[id.description] ?? [:]
            )
        }
    }

    /// The latest visits with provider, reason, note count and prescriptions signed during each.
    func visitHistory(of id: EntityID<Patient>, limit: Int, in db: Database) throws -> [VisitHistoryEntry] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT v.*, pr.display_name AS provider_name, a.reason AS appointment_reason,
                   (SELECT t.note FROM triage t WHERE t.visit_id = v.id AND t.deleted_at IS NULL
                    ORDER BY t.recorded_at DESC LIMIT 1) AS triage_note,
                   (SELECT count(*) FROM consultation_note n WHERE n.visit_id = v.id AND n.deleted_at IS NULL) AS notes,
                   (SELECT group_concat(rx.verification_code, ' ') FROM prescription rx
                    WHERE rx.visit_id = v.id AND rx.deleted_at IS NULL) AS codes
            FROM visit v
            LEFT JOIN provider pr ON pr.id = v.provider_id
            LEFT JOIN appointment a ON a.id = v.appointment_id
            WHERE v.patient_id = ? AND v.deleted_at IS NULL
            ORDER BY v.day DESC, v.arrived_at DESC LIMIT ?
            """, arguments: [id.description, limit])
        return try rows.map { row in
            let reason = (row["appointment_reason"] as String?).flatMap { $0.isEmpty ? nil : $0 } ?? (row["triage_note"] as String?) ?? ""
            return VisitHistoryEntry(
                visit: try VisitRecord(row: row).visit, providerName: row["provider_name"] ?? "any provider", reason: reason,
                noteCount: row["notes"] ?? 0,
                prescriptionCodes: (row["codes"] as String?)?.split(separator: " ").map(String.init) ?? [])
        }
    }

    /// The patients this user last worked on (registered, edited, booked, checked in…), most recent first.
    public func recentPatients(for userID: EntityID<User>, limit: Int = 10) throws(StoreError) -> [PatientSummary] {
        try read { db in
            let ids = try String.fetchAll(db, sql: """
                SELECT patient_id FROM audit_event WHERE user_id = ? AND patient_id IS NOT NULL
                GROUP BY patient_id ORDER BY max(rowid) DESC LIMIT ?
                """, arguments: [userID.description, limit * 2])
            var patients: [PatientSummary] = []
            for id in ids {
                patients += try PatientHits.fetch(db, """
                    SELECT \(PatientHits.columns) FROM patient p WHERE p.id = ? AND \(PatientSearch.active)
                    """, [id])
                if patients.count == limit { break }
            }
            return patients
        }
    }
}
