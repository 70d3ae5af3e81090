public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Signs and stores a prescription. Append-only: it is never edited afterwards.
    @discardableResult
    public func issuePrescription(
        patient patientID: EntityID<Patient>, visit visitID: EntityID<Visit>? = nil, lines: [PrescriptionLine],
        instructions: String = "", by author: Author
    ) throws(StoreError) -> Prescription {
        try write(.prescribe, by: author) { writer in
            guard let prescriberID = author.userID else {
                throw ValidationFailure([FieldProblem(field: "prescriber", message: "A prescription must be signed by a signed-in prescriber.")])
            }
            let patient = try activePatient(patientID, in: writer.db)
            try PrescriptionRules.check(lines)
            let prescription = Prescription(
                id: environment.ids.id(), patientID: patientID, prescriberID: prescriberID, visitID: visitID,
                items: lines.map { line in
                    var tidy = line
                    tidy.drug = NameRule.tidy(line.drug)
                    tidy.sig = NameRule.tidy(line.sig)
                    return PrescriptionItem(id: environment.ids.id(), line: tidy)
                },
                instructions: instructions, signedAt: writer.now,
                verificationCode: VerificationCode.make(entropy: environment.entropy)
            )
            let created = ISOInstant.format(writer.now)
            var record = PrescriptionRecord(
                id: prescription.id.description, patientID: patient.id, prescriberID: prescriberID.description,
                visitID: visitID?.description, instructions: instructions, signedAt: created,
                verificationCode: prescription.verificationCode, createdAt: created, hlc: "", originDevice: ""
            )
            try writer.insert(&record)
            for (position, item) in prescription.items.enumerated() {
                var line = PrescriptionItemRecord(
                    id: item.id.description, prescriptionID: record.id, position: position, drug: item.drug,
                    strength: item.strength, form: item.form, dose: item.dose, route: item.route, frequency: item.frequency,
                    durationDays: item.durationDays, quantity: item.quantity, refills: item.refills, sig: item.sig,
                    createdAt: created, hlc: "", originDevice: ""
                )
                try writer.insert(&line)
            }
            try writer.audit("prescription.issue", PrescriptionRecord.self, record.id,
                             "Prescribed \(prescription.items.map(\.title).joined(separator: "; ")) for \(patient.familyName), \(patient.givenName)",
                             patient: patient.id)
            return prescription
        }
    }
}

/// Checks prescription lines before signing.
enum PrescriptionRules {
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
