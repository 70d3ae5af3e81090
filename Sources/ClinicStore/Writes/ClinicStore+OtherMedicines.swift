public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Records a medicine the patient takes that was not prescribed here (from another doctor,
    /// or over the counter), so the prescribing checks see it.
    @discardableResult
    public func recordOtherMedicine(
        patient patientID: EntityID<Patient>, drug: String, strength: String = "", form: String = "",
        directions: String = "", note: String = "", by author: Author
    ) throws(StoreError) -> OtherMedicine {
        try write(.recordMedicines, by: author) { writer in
            let drug = NameRule.tidy(drug)
            var problems: [FieldProblem] = []
            if drug.isEmpty || drug.count > 200 {
                problems.append(FieldProblem(field: "drug", message: "Name the medicine (1–200 characters)."))
            }
            let fields = [("strength", strength), ("form", form), ("directions", directions), ("note", note)]
            for (field, text) in fields where NameRule.tidy(text).count > 200 {
                problems.append(FieldProblem(field: field, message: "The \(field) is longer than 200 characters."))
            }
            guard problems.isEmpty else { throw ValidationFailure(problems) }
            let patient = try activePatient(patientID, in: writer.db)
            let medicine = OtherMedicine(
                id: environment.ids.id(), patientID: patientID, drug: drug, strength: NameRule.tidy(strength),
                form: NameRule.tidy(form), directions: NameRule.tidy(directions), note: NameRule.tidy(note),
                recordedAt: writer.now, recordedBy: author.userID)
            var record = MedicationRecord(medicine, createdAt: writer.now)
            try writer.insert(&record)
            try writer.audit("medicine.record", MedicationRecord.self, record.id,
                             "Recorded \(medicine.summary) as taken by \(patient.familyName), \(patient.givenName) (\(patient.mrn))",
                             patient: patient.id)
            return medicine
        }
    }

    /// Records that a medicine from elsewhere is no longer taken (or was entered in error), with
    /// the reason. Append-only: a stop entry supersedes it.
    public func stopOtherMedicine(_ id: EntityID<OtherMedicine>, reason: String, by author: Author) throws(StoreError) {
        try write(.recordMedicines, by: author) { writer in
            let reason = try Reasons.required(reason, field: "reason")
            guard let original = try MedicationRecord.fetchOne(writer.db, key: id.description)?.medicine else {
                throw StoreError.notFound(what: "medicine", id: id.description)
            }
            let patient = try activePatient(original.patientID, in: writer.db)
            guard try otherMedicines(of: original.patientID, in: writer.db).current.contains(where: { $0.id == id }) else {
                throw ValidationFailure([FieldProblem(field: "medicine", message: "\(original.drug) was already recorded as stopped.")])
            }
            var stop = original
            stop.id = environment.ids.id()
            stop.note = reason
            stop.recordedAt = writer.now
            stop.recordedBy = author.userID
            stop.supersedes = id
            stop.isStop = true
            var record = MedicationRecord(stop, createdAt: writer.now)
            try writer.insert(&record)
            try writer.audit("medicine.stop", MedicationRecord.self, record.id,
                             "Recorded that \(patient.familyName), \(patient.givenName) no longer takes \(original.drug): \(reason)",
                             patient: patient.id)
        }
    }

    /// Every medicine entry of a patient from elsewhere, stops included, oldest first.
    public func otherMedicines(of patientID: EntityID<Patient>) throws(StoreError) -> [OtherMedicine] {
        try read { db in try otherMedicines(of: patientID, in: db) }
    }

    func otherMedicines(of patientID: EntityID<Patient>, in db: Database) throws -> [OtherMedicine] {
        try MedicationRecord
            .filter(Column("patient_id") == patientID.description && Column("deleted_at") == nil)
            .order(Column("recorded_at"), Column("id"))
            .fetchAll(db)
            .map { try $0.medicine }
    }
}
