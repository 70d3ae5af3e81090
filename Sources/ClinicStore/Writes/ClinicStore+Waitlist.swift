public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Puts a patient on the waitlist for a provider (or any), between two dates, at preferred times.
    @discardableResult
    public func addToWaitlist(
        patient patientID: EntityID<Patient>, provider: EntityID<Provider>?, earliest: CalendarDate, latest: CalendarDate?,
        times: Set<TimeOfDay>, note: String, by author: Author
    ) throws(StoreError) -> WaitlistEntry {
        try write(.bookAppointment, by: author) { writer in
            let patient = try activePatient(patientID, in: writer.db)
            if let provider { _ = try activeProvider(provider, in: writer.db) }
            if let latest, latest < earliest {
                throw ValidationFailure([FieldProblem(field: "latest", message: "The latest date (\(latest)) is before the earliest (\(earliest)).")])
            }
            let note = NameRule.tidy(note)
            guard note.count <= 200 else {
                throw ValidationFailure([FieldProblem(field: "note", message: "The note is longer than 200 characters.")])
            }
            var record = WaitlistRecord(
                id: environment.ids.next().lowercased, patientID: patientID.description, providerID: provider?.description,
                earliest: earliest.description, latest: latest?.description,
                times: TimeOfDay.allCases.filter(times.contains).map(\.rawValue).joined(separator: ","), note: note,
                addedAt: ISOInstant.format(writer.now), createdAt: ISOInstant.format(writer.now))
            try writer.insert(&record)
            try writer.audit("waitlist.add", WaitlistRecord.self, record.id,
                             "Added \(patient.familyName), \(patient.givenName) (\(patient.mrn)) to the waitlist from \(earliest)",
                             patient: patient.id)
            return try record.entry(patientName: "\(patient.familyName), \(patient.givenName)", mrn: patient.mrn)
        }
    }

    /// Takes an entry off the waitlist without booking (the patient no longer wants a slot).
    public func withdrawFromWaitlist(_ id: EntityID<WaitlistEntry>, reason: String, by author: Author) throws(StoreError) {
        try write(.bookAppointment, by: author) { writer in
            let reason = try Reasons.required(reason, field: "reason")
            guard let old = try WaitlistRecord.fetchOne(writer.db, key: id.description), old.closedAt == nil, old.deletedAt == nil else {
                throw StoreError.notFound(what: "open waitlist entry", id: id.description)
            }
            var record = old
            record.closedAt = ISOInstant.format(writer.now)
            record.closedReason = reason
            try writer.update(&record, from: old)
            try writer.audit("waitlist.withdraw", WaitlistRecord.self, record.id, "Taken off the waitlist: \(reason)", patient: record.patientID)
        }
    }

    /// Closes the entry a booking answers, in the booking's write.
    func closeWaitlistEntry(_ id: EntityID<WaitlistEntry>, booked appointment: EntityID<Appointment>, writer: inout ChangeWriter) throws {
        guard let old = try WaitlistRecord.fetchOne(writer.db, key: id.description), old.closedAt == nil, old.deletedAt == nil else {
            throw StoreError.notFound(what: "open waitlist entry", id: id.description)
        }
        var record = old
        record.closedAt = ISOInstant.format(writer.now)
        record.closedReason = "booked"
        record.appointmentID = appointment.description
        try writer.update(&record, from: old)
    }

    /// The open waitlist, oldest first, with names.
    public func waitlist() throws(StoreError) -> [WaitlistEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT w.*, p.family_name, p.given_name, p.mrn FROM waitlist_entry w JOIN patient p ON p.id = w.patient_id
                WHERE w.closed_at IS NULL AND w.deleted_at IS NULL ORDER BY w.added_at, w.id
                """).map { row in
                try WaitlistRecord(row: row).entry(patientName: PatientDetails.displayName(familyName: row["family_name"], givenName: row["given_name"]),
                                                   mrn: row["mrn"])
            }
        }
    }

    /// Open waitlist entries a freed slot would suit.
    public func waitlistFitting(provider: EntityID<Provider>, start: LocalDateTime) throws(StoreError) -> [WaitlistEntry] {
        try waitlist().filter { $0.fits(provider: provider, start: start) }
    }
}
