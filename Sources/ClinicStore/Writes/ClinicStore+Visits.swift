public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Puts a patient without an appointment in today's queue.
    @discardableResult
    public func checkInWalkIn(
        patient patientID: EntityID<Patient>, provider providerID: EntityID<Provider>? = nil,
        priority: QueuePriority = .normal, by author: Author
    ) throws(StoreError) -> Visit {
        try write(.checkIn, by: author) { writer in
            let patient = try activePatient(patientID, in: writer.db)
            if let providerID { _ = try activeProvider(providerID, in: writer.db) }
            let today = try writer.today()
            let waiting = try VisitRecord
                .filter(Column("patient_id") == patientID.description && Column("day") == today.description
                    && Column("deleted_at") == nil && [QueueStatus.waiting.rawValue, QueueStatus.called.rawValue].contains(Column("status")))
                .fetchCount(writer.db)
            guard waiting == 0 else {
                throw StoreError.alreadyExists("\(patient.familyName), \(patient.givenName) is already in today's queue.")
            }
            let visit = Visit(id: environment.ids.id(), patientID: patientID, appointmentID: nil, providerID: providerID,
                              day: today, arrivedAt: writer.now, priority: priority)
            try insertVisit(visit, writer: &writer)
            try writer.audit("visit.check-in", VisitRecord.self, visit.id.description,
                             "Checked in \(patient.familyName), \(patient.givenName) (\(patient.mrn)) as a walk-in",
                             patient: patient.id)
            return visit
        }
    }

    /// Calls a waiting patient to a room.
    @discardableResult
    public func callPatient(_ id: EntityID<Visit>, room: String, by author: Author) throws(StoreError) -> Visit {
        try changeVisit(id, action: "visit.call", permission: .callPatient, by: author) { visit, now in
            guard visit.status == .waiting else {
                throw ValidationFailure([FieldProblem(field: "queue", message: "Only a waiting patient can be called; this one is \(visit.status).")])
            }
            visit.status = .called
            visit.room = NameRule.tidy(room).isEmpty ? nil : NameRule.tidy(room)
            visit.calledBy = author.userID
            visit.calledAt = now
            return "Called to \(visit.room ?? "a room")"
        }
    }

    /// Records that a patient left before being seen.
    @discardableResult
    public func markLeft(_ id: EntityID<Visit>, by author: Author) throws(StoreError) -> Visit {
        try changeVisit(id, action: "visit.left", permission: .checkIn, by: author) { visit, now in
            guard visit.status == .waiting || visit.status == .called else {
                throw ValidationFailure([FieldProblem(field: "queue", message: "This patient is \(visit.status), not waiting.")])
            }
            visit.status = .left
            visit.finishedAt = now
            return "Left without being seen"
        }
    }

    private func changeVisit(
        _ id: EntityID<Visit>, action: String, permission: Permission, by author: Author,
        _ change: (inout Visit, Date) throws -> String
    ) throws(StoreError) -> Visit {
        try write(permission, by: author) { writer in
            guard let old = try VisitRecord.fetchOne(writer.db, key: id.description), old.deletedAt == nil else {
                throw StoreError.notFound(what: "queue entry", id: id.description)
            }
            var visit = try old.visit
            let summary = try change(&visit, writer.now)
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
