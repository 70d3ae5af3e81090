public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Writes the doctor's consultation note for a visit. Clinical and append-only: amending
    /// passes `amending` and the new note supersedes that one; both are kept.
    @discardableResult
    public func writeNote(
        visit visitID: EntityID<Visit>, _ content: NoteContent, amending previous: EntityID<ConsultationNote>? = nil,
        by author: Author
    ) throws(StoreError) -> ConsultationNote {
        try write(.writeClinicalNotes, by: author) { writer in
            guard let visit = try VisitRecord.fetchOne(writer.db, key: visitID.description), visit.deletedAt == nil else {
                throw StoreError.notFound(what: "visit", id: visitID.description)
            }
            let content = try content.validated()
            if let previous {
                guard let old = try ConsultationNoteRecord.fetchOne(writer.db, key: previous.description),
                      old.visitID == visitID.description else {
                    throw StoreError.notFound(what: "note of this visit", id: previous.description)
                }
                let superseded = try Int.fetchOne(writer.db, sql: "SELECT count(*) FROM consultation_note WHERE supersedes_id = ?",
                                                  arguments: [previous.description]) ?? 0
                guard superseded == 0 else {
                    throw ValidationFailure([FieldProblem(field: "note", message: "That note was already amended; amend the latest one.")])
                }
            }
            let note = ConsultationNote(id: environment.ids.id(), visitID: visitID, patientID: try EntityID(stored: visit.patientID),
                                        authorID: author.userID, authorName: author.name, writtenAt: writer.now,
                                        content: content, supersedes: previous)
            var record = ConsultationNoteRecord(note)
            try writer.insert(&record)
            try writer.audit(previous == nil ? "note.write" : "note.amend", ConsultationNoteRecord.self, record.id,
                             previous == nil ? "Wrote the consultation note" : "Amended the consultation note",
                             patient: visit.patientID)
            return note
        }
    }

    /// A visit's notes, oldest first; ``ConsultationNote/supersedes`` tells amendments apart.
    /// Only for roles that may see clinical notes.
    public func notes(of visitID: EntityID<Visit>, for reader: Role) throws(StoreError) -> [ConsultationNote] {
        guard reader.may(.viewClinicalNotes) else { throw .notPermitted(role: reader, permission: .viewClinicalNotes) }
        return try read { db in
            try ConsultationNoteRecord.filter(Column("visit_id") == visitID.description && Column("deleted_at") == nil)
                .order(Column("written_at"), Column.rowID).fetchAll(db).map { try $0.note }
        }
    }
}
