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
                SELECT a.*, v.display_name AS provider_name FROM appointment a JOIN provider v ON v.id = a.provider_id
                WHERE a.patient_id = ? AND a.start_date >= ? AND a.deleted_at IS NULL
                  AND a.status IN ('booked', 'confirmed')
                ORDER BY a.start_date, a.start_minute LIMIT 10
                """, arguments: [id.description, today.description]).map { row in
                ScheduleEntry(appointment: try AppointmentRecord(row: row).appointment, patientName: patient.displayName,
                              patientMRN: patient.mrn, providerName: row["provider_name"])
            }
            let visits = try VisitRecord
                .filter(Column("patient_id") == id.description && Column("deleted_at") == nil)
                .order(Column("day").desc, Column("arrived_at").desc).limit(10).fetchAll(db).map { try $0.visit }
            return PatientCard(
                patient: patient, allergies: try allergies(of: id, in: db).current, upcoming: upcoming,
                recentVisits: visits, prescriptions: try prescriptions(of: id, in: db)
            )
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
