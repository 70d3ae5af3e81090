public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Registers a new patient with the next MRN of this device.
    ///
    /// Duplicate detection is the caller's job (the registration form shows candidates from
    /// ``duplicateCandidates(for:limit:)`` first); the store never merges or refuses a person for
    /// resembling another. When candidates were shown and set aside, `override` carries the
    /// receptionist's reason, which the audit event records with the candidates' MRNs.
    public func registerPatient(
        _ details: PatientDetails, override: DuplicateOverride? = nil, by author: Author
    ) throws(StoreError) -> Patient {
        try write(.registerPatient, by: author) { writer in
            let valid = try details.validated(today: try writer.today())
            let patient = Patient(
                id: environment.ids.id(), mrn: try writer.nextMRN(), details: valid, registeredAt: writer.now
            )
            var record = PatientRecord(patient, hlc: writer.hlc, device: writer.device)
            try writer.insert(&record)
            for identifier in valid.identifiers {
                try insertIdentifier(identifier, of: record.id, writer: &writer)
            }
            var summary = "Registered \(valid.displayName) (\(patient.mrn))"
            if let override {
                let reason = try Reasons.required(override.reason, field: "reason")
                let mrns = try override.candidates.compactMap { try PatientRecord.find($0.description, in: writer.db)?.mrn }
                summary += " despite possible duplicate\(mrns.count == 1 ? "" : "s") \(mrns.joined(separator: ", ")): \(reason)"
            }
            try writer.audit(override == nil ? "patient.register" : "patient.register-despite-duplicates",
                             PatientRecord.self, record.id, summary)
            return patient
        }
    }

    /// Saves the fields a person changed on the edit form.
    ///
    /// Only fields that differ between `base` (what the form was loaded with) and `edited`
    /// are written, so an edit never reverts a field someone else changed meanwhile. When a
    /// field it changes was also changed by someone else since `base` (to another value), the
    /// edit is refused with ``StoreError/editConflict(_:)`` naming both values, who made the
    /// other change and when: nothing is overwritten unseen (the local twin of the sync merge
    /// rule). Each changed field becomes its own change row, which is what lets sync merge two
    /// devices' edits of one patient field by field.
    @discardableResult
    public func editPatient(
        _ id: EntityID<Patient>, from base: PatientDetails, to edited: PatientDetails, by author: Author
    ) throws(StoreError) -> Patient {
        try write(.editPatient, by: author) { writer in
            let valid = try edited.validated(today: try writer.today())
            let old = try activePatient(id, in: writer.db)
            let current = old.details(identifiers: try identifiers(of: id, in: writer.db))
            let base = base.tidied
            let clashing = EditConflicts.fields(base: base, edited: valid, current: current)
            guard clashing.isEmpty else {
                let fields = try clashing.map { field in
                    let change = try lastChange(of: field, patient: id, in: writer.db)
                    return FieldConflict(field: field, base: field.text(in: base), yours: field.text(in: valid),
                                         theirs: field.text(in: current), changedBy: change?.by, changedAt: change?.at)
                }
                throw StoreError.editConflict(EditConflict(current: try old.patient(identifiers: current.identifiers),
                                                           fields: fields))
            }
            var merged = current
            merged.applyChanges(from: base, to: valid)
            var record = old
            record.apply(merged)
            var changed = try writer.update(&record, from: old)
            changed += try replaceIdentifiers(of: record.id, base: base.identifiers, edited: valid.identifiers, writer: &writer)
            if !changed.isEmpty {
                try writer.audit("patient.edit", PatientRecord.self, record.id,
                                 "Edited \(merged.displayName) (\(record.mrn)): \(changed.joined(separator: ", "))")
            }
            return try record.patient(identifiers: try identifiers(of: id, in: writer.db))
        }
    }

    /// Who last changed `field` of a patient and when: the newest clock among the field's
    /// columns, traced to the audit event of the write that set it (a change that came from
    /// another device by sync has no local event: it says so, with the clock's time).
    func lastChange(of field: EditableField, patient id: EntityID<Patient>, in db: Database) throws -> (by: String, at: Date)? {
        let clock: String?
        if field.columns.isEmpty {
            clock = try String.fetchOne(db, sql: """
                SELECT max(hlc) FROM audit_event WHERE entity_table = 'patient' AND entity_id = ? AND action = 'patient.edit'
                """, arguments: [id.description])
        } else {
            let marks = field.columns.map { _ in "?" }.joined(separator: ", ")
            clock = try String.fetchOne(db, sql: """
                SELECT max(hlc) FROM field_clock WHERE table_name = 'patient' AND row_id = ? AND field IN (\(marks))
                """, arguments: StatementArguments([id.description] + field.columns))
        }
        guard let clock, let stamp = HLCTimestamp(clock) else { return nil }
        if let row = try Row.fetchOne(db, sql: """
            SELECT e.actor, e.at, u.display_name FROM audit_event e LEFT JOIN user_account u ON u.id = e.user_id
            WHERE e.entity_table = 'patient' AND e.entity_id = ? AND e.hlc = ?
            """, arguments: [id.description, clock]) {
            let actor: String = row["actor"]
            let name: String? = row["display_name"]
            return (name.map { "\($0) (\(actor))" } ?? actor, ISOInstant.parse(row["at"]) ?? stamp.date)
        }
        return ("another device", stamp.date)
    }

    /// Records that the receptionist picked an existing patient from the duplicate check
    /// instead of registering a new one: an audit event only, nothing else changes.
    public func recordUseOfExisting(_ id: EntityID<Patient>, by author: Author) throws(StoreError) {
        try write(.registerPatient, by: author) { writer in
            let record = try activePatient(id, in: writer.db)
            try writer.audit("patient.duplicate-avoided", PatientRecord.self, record.id,
                             "Used the existing record of \(record.familyName), \(record.givenName) (\(record.mrn)) instead of registering again")
        }
    }

    /// Removes a patient from lists and searches; the row stays for audit and sync.
    public func deletePatient(_ id: EntityID<Patient>, reason: String, by author: Author) throws(StoreError) {
        try write(.editPatient, by: author) { writer in
            let reason = try Reasons.required(reason, field: "reason")
            var record = try activePatient(id, in: writer.db)
            try writer.softDelete(&record, reason: reason)
            try writer.audit("patient.delete", PatientRecord.self, record.id,
                             "Removed \(record.familyName), \(record.givenName) (\(record.mrn)): \(reason)")
        }
    }

    func activePatient(_ id: EntityID<Patient>, in db: Database) throws -> PatientRecord {
        guard let record = try PatientRecord.find(id.description, in: db), record.deletedAt == nil else {
            throw StoreError.notFound(what: "patient", id: id.description)
        }
        return record
    }

    func identifiers(of id: EntityID<Patient>, in db: Database) throws -> [PatientIdentifier] {
        try PatientIdentifierRecord
            .filter(Column("patient_id") == id.description && Column("deleted_at") == nil)
            .order(Column("created_at"), Column("id"))
            .fetchAll(db)
            .map(\.identifier)
    }

    private func insertIdentifier(_ identifier: PatientIdentifier, of patientID: String, writer: inout ChangeWriter) throws {
        var record = PatientIdentifierRecord(
            id: environment.ids.next().lowercased, patientID: patientID, kind: identifier.kind, value: identifier.value,
            createdAt: ISOInstant.format(writer.now), hlc: "", originDevice: "", matchKey: identifier.matchKey
        )
        try writer.insert(&record)
    }

    /// Applies the identifier list edit: removed identifiers are soft-deleted, new ones inserted.
    private func replaceIdentifiers(
        of patientID: String, base: [PatientIdentifier], edited: [PatientIdentifier], writer: inout ChangeWriter
    ) throws -> [String] {
        let removed = Set(base).subtracting(edited)
        let added = edited.filter { !base.contains($0) }
        guard !removed.isEmpty || !added.isEmpty else { return [] }
        let existing = try PatientIdentifierRecord
            .filter(Column("patient_id") == patientID && Column("deleted_at") == nil)
            .fetchAll(writer.db)
        for var record in existing where removed.contains(record.identifier) {
            try writer.softDelete(&record, reason: "removed when editing the patient")
        }
        for identifier in added where !existing.contains(where: { $0.identifier == identifier }) {
            try insertIdentifier(identifier, of: patientID, writer: &writer)
        }
        return ["identifiers"]
    }
}

extension PatientDetails {
    /// Takes every field that differs between `base` and `edited` from `edited`, leaving the others.
    mutating func applyChanges(from base: PatientDetails, to edited: PatientDetails) {
        for field in EditableField.allCases where field.differs(base, edited) {
            field.copy(from: edited, into: &self)
        }
    }
}

/// Checks for free-text reasons that a write requires.
enum Reasons {
    static func required(_ text: String, field: String) throws -> String {
        let trimmed = NameRule.tidy(text)
        guard !trimmed.isEmpty else {
            let article = field.first.map { "aeiou".contains($0) } == true ? "An" : "A"
            throw ValidationFailure([FieldProblem(field: field, message: "\(article) \(field) is required.")])
        }
        guard trimmed.count <= 500 else {
            throw ValidationFailure([FieldProblem(field: field, message: "The \(field) is longer than 500 characters.")])
        }
        return trimmed
    }
}
