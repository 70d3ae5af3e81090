public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Puts a patient without an appointment in today's queue with the day's next ticket.
    /// A patient has at most one open visit a day: checking in someone already in the clinic is
    /// refused with a message naming where they are.
    @discardableResult
    public func checkInWalkIn(
        patient patientID: EntityID<Patient>, provider providerID: EntityID<Provider>? = nil,
        priority: QueuePriority = .normal, by author: Author
    ) throws(StoreError) -> Visit {
        try write(.checkIn, by: author) { writer in
            let patient = try activePatient(patientID, in: writer.db)
            if let providerID { _ = try activeProvider(providerID, in: writer.db) }
            let today = try writer.today()
            if let open = try openVisit(of: patientID, on: today, in: writer.db) {
                throw StoreError.alreadyExists(
                    "\(patient.familyName), \(patient.givenName) is already in today's queue: \(try describe(open, in: writer.db)).")
            }
            let visit = Visit(id: environment.ids.id(), patientID: patientID, appointmentID: nil, providerID: providerID,
                              day: today, arrivedAt: writer.now, priority: priority,
                              ticket: try nextTicket(on: today, in: writer.db))
            try insertVisit(visit, writer: &writer)
            try writer.audit("visit.check-in", VisitRecord.self, visit.id.description,
                             "Checked in \(patient.familyName), \(patient.givenName) (\(patient.mrn)) as a walk-in, ticket \(visit.ticket)",
                             patient: patient.id)
            return visit
        }
    }

    /// The patient's visit today that has not ended, if any.
    func openVisit(of patientID: EntityID<Patient>, on day: CalendarDate, in db: Database) throws -> VisitRecord? {
        try VisitRecord
            .filter(Column("patient_id") == patientID.description && Column("day") == day.description && Column("deleted_at") == nil
                && [QueueStatus.waiting, .called, .inConsultation].map(\.rawValue).contains(Column("status")))
            .fetchOne(db)
    }

    /// `ticket 4, waiting for Dr Amina Haddad`.
    func describe(_ record: VisitRecord, in db: Database) throws -> String {
        let visit = try record.visit
        let place: String = if let station = visit.station {
            "at \(station)"
        } else if let provider = record.providerID {
            "for \(try String.fetchOne(db, sql: "SELECT display_name FROM provider WHERE id = ?", arguments: [provider]) ?? "a provider")"
        } else {
            "for any provider"
        }
        return "ticket \(visit.ticket), \(visit.status) \(place)"
    }

    /// The day's next ticket number on this device.
    func nextTicket(on day: CalendarDate, in db: Database) throws -> Int {
        (try Int.fetchOne(db, sql: "SELECT max(ticket) FROM visit WHERE day = ?", arguments: [day.description]) ?? 0) + 1
    }

    /// Records that a patient left before being seen.
    @discardableResult
    public func markLeft(_ id: EntityID<Visit>, by author: Author) throws(StoreError) -> Visit {
        try changeVisit(id, action: "visit.left", permission: .checkIn, by: author) { visit, now, _ in
            guard visit.status == .waiting || visit.status == .called else {
                throw ValidationFailure([FieldProblem(field: "queue", message: "This patient is \(visit.status), not waiting.")])
            }
            visit.status = .left
            visit.finishedAt = now
            return "Left without being seen"
        }
    }

    /// Sets how urgently the patient should be seen.
    @discardableResult
    public func setPriority(_ id: EntityID<Visit>, _ priority: QueuePriority, by author: Author) throws(StoreError) -> Visit {
        try changeVisit(id, action: "visit.priority", permission: .checkIn, by: author) { visit, _, _ in
            guard visit.isOpen else {
                throw ValidationFailure([FieldProblem(field: "queue", message: "This visit has ended (\(visit.status)).")])
            }
            let old = visit.priority
            visit.priority = priority
            return "Priority \(old) → \(priority)"
        }
    }

    /// Changes one visit in one write, with its change rows and audit event.
    func changeVisit(
        _ id: EntityID<Visit>, action: String, permission: Permission, by author: Author,
        _ change: (inout Visit, Date, inout ChangeWriter) throws -> String
    ) throws(StoreError) -> Visit {
        try write(permission, by: author) { writer in
            guard let old = try VisitRecord.fetchOne(writer.db, key: id.description), old.deletedAt == nil else {
                throw StoreError.notFound(what: "queue entry", id: id.description)
            }
            var visit = try old.visit
            let summary = try change(&visit, writer.now, &writer)
            var record = old
            record.apply(visit)
            try writer.update(&record, from: old)
            try writer.audit(action, VisitRecord.self, record.id, summary, patient: record.patientID)
            return visit
        }
    }

    func insertVisit(_ visit: Visit, writer: inout ChangeWriter) throws {
        var record = VisitRecord(
            id: visit.id.description, patientID: "", day: "", arrivedAt: "", priority: "", status: "",
            createdAt: ISOInstant.format(writer.now), hlc: "", originDevice: ""
        )
        record.apply(visit)
        try writer.insert(&record)
    }
}
