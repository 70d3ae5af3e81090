public import ClinicCore
import Foundation
import GRDB

/// Prescriptions as a pharmacist and a printer see them: by verification code, standing or not.
extension ClinicStore {
    /// What a verification code stands for: nil when no signed prescription has it.
    public func verifyPrescription(code: String) throws(StoreError) -> PrescriptionVerification? {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        return try read { db in
            guard let record = try PrescriptionRecord.filter(
                Column("verification_code") == code && Column("deleted_at") == nil && Column("is_cancellation") == false
            ).fetchOne(db) else { return nil }
            let prescription = try prescription(record, in: db)
            let later = try PrescriptionRecord.filter(Column("supersedes_id") == record.id && Column("deleted_at") == nil)
                .order(Column("signed_at")).fetchOne(db)
            let standing: PrescriptionVerification.Standing
            if let later {
                let on = ISOInstant.parse(later.signedAt) ?? prescription.signedAt
                standing = later.isCancellation
                    ? .cancelled(on: on, reason: later.supersedeReason ?? "")
                    : .replaced(by: later.verificationCode, on: on, reason: later.supersedeReason ?? "")
            } else {
                standing = .valid
            }
            let patient = try activePatient(prescription.patientID, in: db)
            return PrescriptionVerification(
                code: record.verificationCode, standing: standing, signedAt: prescription.signedAt,
                prescriber: try prescriberName(prescription.prescriberID, in: db), drugs: prescription.items.map(\.title),
                patientInitials: PatientInitials.of(family: patient.familyName, given: patient.givenName))
        }
    }

    /// A prescription with what its slip prints, by its id or its verification code.
    public func prescriptionSlip(_ reference: String) throws(StoreError) -> PrescriptionSlip {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        return try read { db in
            let record = try PrescriptionRecord.filter(
                (Column("id") == trimmed.lowercased() || Column("verification_code") == trimmed.uppercased()) && Column("deleted_at") == nil
            ).fetchOne(db)
            guard let record, !record.isCancellation else { throw StoreError.notFound(what: "prescription", id: trimmed) }
            let prescription = try prescription(record, in: db)
            let patient = try activePatient(prescription.patientID, in: db)
            let earlier = try record.supersedesID.flatMap { try PrescriptionRecord.fetchOne(db, key: $0) }
            return PrescriptionSlip(
                prescription: prescription, clinicName: try clinicName(in: db),
                prescriberName: try prescriberName(prescription.prescriberID, in: db),
                patient: try patient.patient(identifiers: []), supersededCode: earlier?.verificationCode)
        }
    }

    /// A stored prescription with its items and the alerts signed over.
    func prescription(_ record: PrescriptionRecord, in db: Database) throws -> Prescription {
        let items = try PrescriptionItemRecord.filter(Column("prescription_id") == record.id && Column("deleted_at") == nil)
            .order(Column("position")).fetchAll(db).map { try $0.item }
        let overrides = try PrescriptionAlertRecord.filter(Column("prescription_id") == record.id && Column("deleted_at") == nil)
            .order(Column("position")).fetchAll(db).map(\.override)
        return try record.prescription(items: items, overrides: overrides)
    }

    private func prescriberName(_ id: EntityID<User>, in db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT display_name FROM user_account WHERE id = ?", arguments: [id.description]) ?? "unknown prescriber"
    }

    private func clinicName(in db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT name FROM clinic LIMIT 1") ?? ""
    }
}
