public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Walks the clinic's records for an export (FHIR), a record at a time, in one consistent
    /// snapshot: every provider, every active patient (or only `only`, with the records that
    /// concern them) with the allergies in force, their appointments, visits and signed
    /// prescriptions (each with whether it was later corrected or cancelled, and the prescriber's
    /// provider when they are one). Removed records are left out; merged-away patients are kept
    /// (with what they were merged into). Answers how many records were handed over.
    @discardableResult
    public func exportClinicalRecords(only: EntityID<Patient>? = nil, _ body: (ClinicalRecord) throws -> Void) throws(StoreError) -> Int {
        try read { db in
            var count = 0
            func hand(_ record: ClinicalRecord) throws {
                try body(record)
                count += 1
            }
            let providers = try ProviderRecord.filter(Column("deleted_at") == nil).order(Column("display_name")).fetchAll(db).map { try $0.provider }
            for provider in providers { try hand(.provider(provider)) }
            let providerOfUser = Dictionary(providers.compactMap { provider in provider.userID.map { ($0, provider.id) } },
                                            uniquingKeysWith: { first, _ in first })
            let patientFilter = only.map { _ in " AND patient_id = ?" } ?? ""
            let arguments: StatementArguments = only.map { [$0.description] } ?? []

            let patients = try PatientRecord.filter(Column("deleted_at") == nil && (only == nil || Column("id") == only?.description))
                .order(Column("mrn")).fetchCursor(db)
            while let record = try patients.next() {
                let id = try EntityID<Patient>(stored: record.id)
                let patient = try record.patient(identifiers: try identifiers(of: id, in: db))
                let allergies = patient.allergyStatus == .recorded ? try allergies(of: id, in: db).current : []
                try hand(.patient(patient, allergies: allergies))
            }
            let appointments = try AppointmentRecord.fetchCursor(db, sql: """
                SELECT * FROM appointment WHERE deleted_at IS NULL\(patientFilter) ORDER BY start_date, start_minute, id
                """, arguments: arguments)
            while let record = try appointments.next() { try hand(.appointment(try record.appointment)) }
            let visits = try VisitRecord.fetchCursor(db, sql: """
                SELECT * FROM visit WHERE deleted_at IS NULL\(patientFilter) ORDER BY day, arrived_at, id
                """, arguments: arguments)
            while let record = try visits.next() { try hand(.visit(try record.visit)) }

            var standings: [String: FHIRResources.PrescriptionStanding] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT supersedes_id, is_cancellation FROM prescription WHERE supersedes_id IS NOT NULL AND deleted_at IS NULL
                """) {
                standings[row[0]] = (row[1] as Bool) ? .cancelled : .corrected
            }
            let prescribed = try String.fetchAll(db, sql: """
                SELECT DISTINCT patient_id FROM prescription WHERE deleted_at IS NULL\(patientFilter)
                """, arguments: arguments)
            for patient in prescribed {
                for prescription in try prescriptions(of: try EntityID(stored: patient), in: db) where !prescription.isCancellation {
                    try hand(.prescription(prescription, standing: standings[prescription.id.description] ?? .inForce,
                                           requester: providerOfUser[prescription.prescriberID]))
                }
            }
            return count
        }
    }
}
