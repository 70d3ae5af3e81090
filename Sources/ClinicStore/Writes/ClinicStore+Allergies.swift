public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Records an allergy and sets the patient's allergy status to "recorded".
    @discardableResult
    public func recordAllergy(
        patient patientID: EntityID<Patient>, substance: String, kind: AllergenKind, reaction: String,
        severity: AllergySeverity, by author: Author
    ) throws(StoreError) -> Allergy {
        try write(.recordAllergy, by: author) { writer in
            let substance = NameRule.tidy(substance)
            guard !substance.isEmpty, substance.count <= 200 else {
                throw ValidationFailure([FieldProblem(field: "substance", message: "Name the substance or drug class (1–200 characters).")])
            }
            var patient = try activePatient(patientID, in: writer.db)
            let allergy = Allergy(
                id: environment.ids.id(), patientID: patientID, substance: substance, substanceKind: kind,
                reaction: NameRule.tidy(reaction), severity: severity, recordedAt: writer.now, recordedBy: author.userID
            )
            var record = AllergyRecord(allergy, writer: writer)
            try writer.insert(&record)
            try setAllergyStatus(.recorded, of: &patient, writer: &writer)
            try writer.audit("allergy.record", AllergyRecord.self, record.id,
                             "Recorded \(severity) allergy to \(substance) for \(patient.familyName), \(patient.givenName) (\(patient.mrn))",
                             patient: patient.id)
            return allergy
        }
    }

    /// Records that the patient was asked and has no known allergies.
    public func recordNoKnownAllergies(patient patientID: EntityID<Patient>, by author: Author) throws(StoreError) {
        try write(.recordAllergy, by: author) { writer in
            var patient = try activePatient(patientID, in: writer.db)
            let current = try allergies(of: patientID, in: writer.db).current
            guard current.isEmpty else {
                throw ValidationFailure([FieldProblem(
                    field: "allergies",
                    message: "\(current.count) allerg\(current.count == 1 ? "y is" : "ies are") on record; retract \(current.count == 1 ? "it" : "them") before recording “no known allergies”.")])
            }
            try setAllergyStatus(.noKnownAllergies, of: &patient, writer: &writer)
            try writer.audit("allergy.no-known", PatientRecord.self, patient.id,
                             "Recorded no known allergies for \(patient.familyName), \(patient.givenName) (\(patient.mrn))")
        }
    }

    /// Records that the allergies could not be asked, and why (unconscious, no shared language,
    /// no one to answer for the patient). The status stays "unknown" in every check, but a
    /// prescription may be signed; allergies recorded later replace it.
    public func recordAllergiesUnableToAsk(
        patient patientID: EntityID<Patient>, reason: String, by author: Author
    ) throws(StoreError) {
        try write(.recordAllergy, by: author) { writer in
            let reason = try Reasons.required(reason, field: "reason")
            var patient = try activePatient(patientID, in: writer.db)
            let current = try allergies(of: patientID, in: writer.db).current
            guard current.isEmpty else {
                throw ValidationFailure([FieldProblem(
                    field: "allergies",
                    message: "\(current.count) allerg\(current.count == 1 ? "y is" : "ies are") on record and still \(current.count == 1 ? "applies" : "apply"); withdraw \(current.count == 1 ? "it" : "them") only if entered in error.")])
            }
            try setAllergyStatus(.unableToAsk, note: reason, of: &patient, writer: &writer)
            try writer.audit("allergy.unable-to-ask", PatientRecord.self, patient.id,
                             "Recorded that allergies could not be asked for \(patient.familyName), \(patient.givenName) (\(patient.mrn)): \(reason)")
        }
    }

    /// Withdraws an allergy entered in error. Append-only: a retraction row supersedes it.
    /// When no allergy remains, the status goes back to "not yet asked".
    public func retractAllergy(_ allergyID: EntityID<Allergy>, reason: String, by author: Author) throws(StoreError) {
        try write(.recordAllergy, by: author) { writer in
            let reason = try Reasons.required(reason, field: "reason")
            guard let original = try AllergyRecord.fetchOne(writer.db, key: allergyID.description)?.allergy else {
                throw StoreError.notFound(what: "allergy", id: allergyID.description)
            }
            var patient = try activePatient(original.patientID, in: writer.db)
            guard try allergies(of: original.patientID, in: writer.db).current.contains(where: { $0.id == allergyID }) else {
                throw ValidationFailure([FieldProblem(field: "allergy", message: "The allergy to \(original.substance) was already withdrawn or corrected.")])
            }
            var retraction = original
            retraction.id = environment.ids.id()
            retraction.reaction = reason
            retraction.recordedAt = writer.now
            retraction.recordedBy = author.userID
            retraction.supersedes = allergyID
            retraction.isRetraction = true
            var record = AllergyRecord(retraction, writer: writer)
            try writer.insert(&record)
            if try allergies(of: original.patientID, in: writer.db).current.isEmpty {
                try setAllergyStatus(.notAsked, of: &patient, writer: &writer)
            }
            try writer.audit("allergy.retract", AllergyRecord.self, record.id,
                             "Withdrew allergy to \(original.substance) for \(patient.familyName), \(patient.givenName): \(reason)",
                             patient: patient.id)
        }
    }

    func allergies(of patientID: EntityID<Patient>, in db: Database) throws -> [Allergy] {
        try AllergyRecord
            .filter(Column("patient_id") == patientID.description && Column("deleted_at") == nil)
            .order(Column("recorded_at"), Column("id"))
            .fetchAll(db)
            .map { try $0.allergy }
    }

    /// Sets the status; the note (why allergies could not be asked) goes with "unable to ask" only.
    private func setAllergyStatus(
        _ status: AllergyStatus, note: String = "", of patient: inout PatientRecord, writer: inout ChangeWriter
    ) throws {
        let old = patient
        patient.allergyStatus = status.rawValue
        patient.allergyNote = status == .unableToAsk ? note : ""
        try writer.update(&patient, from: old)
    }
}

extension AllergyRecord {
    init(_ allergy: Allergy, writer: ChangeWriter) {
        self.init(
            id: allergy.id.description, patientID: allergy.patientID.description, substance: allergy.substance,
            substanceKind: allergy.substanceKind.rawValue, reaction: allergy.reaction, severity: allergy.severity.rawValue,
            recordedAt: ISOInstant.format(allergy.recordedAt), recordedBy: allergy.recordedBy?.description,
            supersedesID: allergy.supersedes?.description, isRetraction: allergy.isRetraction,
            createdAt: ISOInstant.format(writer.now), hlc: "", originDevice: ""
        )
    }
}
