public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// What the prescribing checks look at for new `lines` of a patient: their allergies and
    /// allergy status, and their current medicines — the clinic's prescriptions still running
    /// (the one being corrected left out) and the medicines from elsewhere on the card.
    /// The entry screen reviews with it before signing; signing builds it again in its transaction.
    public func prescribingCheck(
        patient patientID: EntityID<Patient>, lines: [PrescriptionLine], correcting: PrescriptionCorrection? = nil
    ) throws(StoreError) -> PrescribingCheck {
        let today = today()
        return try read { db in
            guard let patient = try PatientRecord.find(patientID.description, in: db) else {
                throw StoreError.notFound(what: "patient", id: patientID.description)
            }
            return try prescribingCheck(patient, lines: lines, correcting: correcting, today: today, in: db)
        }
    }

    private func prescribingCheck(
        _ patient: PatientRecord, lines: [PrescriptionLine], correcting: PrescriptionCorrection?, today: CalendarDate,
        in db: Database
    ) throws -> PrescribingCheck {
        let id = try EntityID<Patient>(stored: patient.id)
        let current = PrescriptionCourse.current(
            try prescriptions(of: id, in: db).filter { $0.id != correcting?.prescription }, today: today,
            timeZone: timeZone)
        let fromElsewhere = try otherMedicines(of: id, in: db).current.map(\.line)
        return PrescribingCheck(
            newItems: lines, currentMedicines: current + fromElsewhere, allergies: try allergies(of: id, in: db).current,
            allergyStatus: AllergyStatus(rawValue: patient.allergyStatus) ?? .notAsked, allergyNote: patient.allergyNote)
    }

    /// Signs a prescription after the prescribing checks: the allergies must have been asked,
    /// and every contraindicated or interruptive alert needs a reason in `overrides`. The alerts
    /// raised are stored with it (each with its reason) and named in the audit event. With
    /// `correcting`, it supersedes that prescription of the same patient, for the reason given.
    /// Append-only: a signed prescription is never edited afterwards.
    @discardableResult
    public func signPrescription(
        patient patientID: EntityID<Patient>, visit visitID: EntityID<Visit>? = nil, lines: [PrescriptionLine],
        instructions: String = "", overrides: [AlertOverride] = [], correcting: PrescriptionCorrection? = nil,
        checker: PrescribingChecker, by author: Author
    ) throws(StoreError) -> Prescription {
        let today = today()
        return try write(.prescribe, by: author) { writer in
            let patient = try activePatient(patientID, in: writer.db)
            try PrescriptionRules.check(lines)
            if let correcting { _ = try standing(correcting, of: patientID, in: writer.db) }
            let check = try prescribingCheck(patient, lines: lines, correcting: correcting, today: today, in: writer.db)
            let alerts = checker.check(check)
            if let refusal = SigningRules.refusal(alerts: alerts, overrides: overrides, allergyStatus: check.allergyStatus) {
                throw ValidationFailure([FieldProblem(field: "alerts", message: refusal)])
            }
            let kept = SigningRules.overrides(for: alerts, given: overrides)
            let prescription = try insertPrescription(
                patient: patient, visit: visitID, lines: lines, instructions: instructions, overrides: kept,
                correcting: correcting, cancelling: false, writer: &writer)
            var summary = "Prescribed \(prescription.items.map(\.title).joined(separator: "; ")) for \(patient.familyName), \(patient.givenName)"
            if let correcting { summary += ", correcting an earlier prescription (\(correcting.reason))" }
            if !kept.isEmpty {
                summary += "; signed over " + kept.map { override in
                    "\(override.alert.severity) \(override.alert.kind) (\(override.alert.drugs.joined(separator: ", ")))"
                        + (override.reason.isEmpty ? "" : ": \(override.reason)")
                }.joined(separator: "; ")
            }
            try writer.audit(correcting == nil ? "prescription.sign" : "prescription.correct", PrescriptionRecord.self,
                             prescription.id.description, summary, patient: patient.id)
            return prescription
        }
    }

    /// Cancels a prescription: a new entry that supersedes it with the reason, and no items.
    @discardableResult
    public func cancelPrescription(_ id: EntityID<Prescription>, reason: String, by author: Author) throws(StoreError) -> Prescription {
        try write(.prescribe, by: author) { writer in
            let cancelled = try PrescriptionRecord.fetchOne(writer.db, key: id.description)
            guard let cancelled, cancelled.deletedAt == nil, !cancelled.isCancellation else {
                throw StoreError.notFound(what: "prescription", id: id.description)
            }
            let patient = try activePatient(try EntityID(stored: cancelled.patientID), in: writer.db)
            let correction = PrescriptionCorrection(prescription: id, reason: reason)
            _ = try standing(correction, of: try EntityID(stored: patient.id), in: writer.db)
            let cancellation = try insertPrescription(
                patient: patient, visit: nil, lines: [], instructions: "", overrides: [], correcting: correction, cancelling: true,
                writer: &writer)
            try writer.audit("prescription.cancel", PrescriptionRecord.self, cancellation.id.description,
                             "Cancelled prescription \(cancelled.verificationCode) of \(patient.familyName), \(patient.givenName): \(correction.reason)",
                             patient: patient.id)
            return cancellation
        }
    }

    /// Signs and stores a prescription without the prescribing checks, for the demo clinic and
    /// imports of prescriptions signed elsewhere. Append-only: it is never edited afterwards.
    @discardableResult
    public func issuePrescription(
        patient patientID: EntityID<Patient>, visit visitID: EntityID<Visit>? = nil, lines: [PrescriptionLine],
        instructions: String = "", by author: Author
    ) throws(StoreError) -> Prescription {
        try write(.prescribe, by: author) { writer in
            let patient = try activePatient(patientID, in: writer.db)
            try PrescriptionRules.check(lines)
            let prescription = try insertPrescription(
                patient: patient, visit: visitID, lines: lines, instructions: instructions, overrides: [], correcting: nil,
                cancelling: false, writer: &writer)
            try writer.audit("prescription.issue", PrescriptionRecord.self, prescription.id.description,
                             "Prescribed \(prescription.items.map(\.title).joined(separator: "; ")) for \(patient.familyName), \(patient.givenName)",
                             patient: patient.id)
            return prescription
        }
    }

    /// The prescription a correction or cancellation replaces, checked: the same patient's, and
    /// neither a cancellation nor already replaced; the reason said.
    private func standing(_ correction: PrescriptionCorrection, of patient: EntityID<Patient>, in db: Database) throws -> PrescriptionRecord {
        guard !correction.reason.isEmpty else {
            throw ValidationFailure([FieldProblem(field: "reason", message: "Say why the prescription is corrected or cancelled.")])
        }
        guard let earlier = try PrescriptionRecord.fetchOne(db, key: correction.prescription.description), earlier.deletedAt == nil,
              earlier.patientID == patient.description, !earlier.isCancellation
        else { throw StoreError.notFound(what: "prescription", id: correction.prescription.description) }
        if let later = try PrescriptionRecord.filter(Column("supersedes_id") == earlier.id && Column("deleted_at") == nil).fetchOne(db) {
            let what = later.isCancellation ? "was cancelled" : "was already replaced by \(later.verificationCode)"
            throw ValidationFailure([FieldProblem(field: "prescription", message: "Prescription \(earlier.verificationCode) \(what).")])
        }
        return earlier
    }

    /// Writes the prescription, its items (each valid for 30 days unless it says otherwise) and
    /// its alerts with their reasons.
    private func insertPrescription(
        patient: PatientRecord, visit visitID: EntityID<Visit>?, lines: [PrescriptionLine], instructions: String,
        overrides: [AlertOverride], correcting: PrescriptionCorrection?, cancelling: Bool, writer: inout ChangeWriter
    ) throws -> Prescription {
        guard let prescriberID = writer.author.userID else {
            throw ValidationFailure([FieldProblem(field: "prescriber", message: "A prescription must be signed by a signed-in prescriber.")])
        }
        let signedDay = try writer.today()
        let prescription = Prescription(
            id: environment.ids.id(), patientID: try EntityID(stored: patient.id), prescriberID: prescriberID, visitID: visitID,
            items: lines.map { line in
                var tidy = line
                tidy.drug = NameRule.tidy(line.drug)
                tidy.sig = NameRule.tidy(line.sig)
                tidy.validUntil = line.validUntil ?? signedDay.adding(days: PrescriptionRules.validDays)
                return PrescriptionItem(id: environment.ids.id(), line: tidy)
            },
            instructions: instructions, signedAt: writer.now, verificationCode: VerificationCode.make(entropy: environment.entropy),
            supersedes: correcting?.prescription, supersedeReason: correcting?.reason, isCancellation: cancelling,
            overrides: overrides)
        let created = ISOInstant.format(writer.now)
        var record = PrescriptionRecord(
            id: prescription.id.description, patientID: patient.id, prescriberID: prescriberID.description,
            visitID: visitID?.description, instructions: instructions, signedAt: created,
            verificationCode: prescription.verificationCode, supersedesID: correcting?.prescription.description,
            supersedeReason: correcting?.reason, isCancellation: cancelling, createdAt: created, hlc: "", originDevice: "")
        try writer.insert(&record)
        for (position, item) in prescription.items.enumerated() {
            var line = PrescriptionItemRecord(
                id: item.id.description, prescriptionID: record.id, position: position, drug: item.drug,
                strength: item.strength, form: item.form, dose: item.dose, route: item.route, frequency: item.frequency,
                durationDays: item.durationDays, quantity: item.quantity, refills: item.refills, sig: item.sig,
                validUntil: item.validUntil?.description, createdAt: created, hlc: "", originDevice: "")
            try writer.insert(&line)
        }
        for (position, override) in overrides.enumerated() {
            var alert = PrescriptionAlertRecord(
                id: environment.ids.next().lowercased, prescriptionID: record.id, position: position,
                kind: override.alert.kind.rawValue, severity: override.alert.severity.rawValue,
                drugs: override.alert.drugs.joined(separator: "\n"), message: override.alert.message, advice: override.alert.advice,
                overrideReason: override.reason, createdAt: created, hlc: "", originDevice: "")
            try writer.insert(&alert)
        }
        return prescription
    }
}

/// Checks prescription lines before signing.
enum PrescriptionRules {
    /// How long an item may be dispensed when the prescriber sets no last day.
    static let validDays = 30

    static func check(_ lines: [PrescriptionLine]) throws {
        guard !lines.isEmpty else {
            throw ValidationFailure([FieldProblem(field: "items", message: "A prescription needs at least one drug.")])
        }
        var problems: [FieldProblem] = []
        for (index, line) in lines.enumerated() {
            if NameRule.tidy(line.drug).isEmpty {
                problems.append(FieldProblem(field: "item \(index + 1)", message: "Line \(index + 1) has no drug."))
            }
            if NameRule.tidy(line.sig).isEmpty {
                problems.append(FieldProblem(field: "item \(index + 1)", message: "Line \(index + 1) has no directions for the patient."))
            }
            if !(0...12).contains(line.refills) {
                problems.append(FieldProblem(field: "item \(index + 1)", message: "Line \(index + 1): refills must be 0 to 12."))
            }
        }
        guard problems.isEmpty else { throw ValidationFailure(problems) }
    }
}

/// Short codes a pharmacist can read over the phone: no 0/O or 1/I look-alikes.
enum VerificationCode {
    static func make(entropy: Entropy) -> String {
        let symbols = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let bytes = entropy.bytes(8)
        let code = bytes.map { symbols[Int($0) % symbols.count] }
        return String(code[0..<4]) + "-" + String(code[4..<8])
    }
}
