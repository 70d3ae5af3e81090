public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Records a nurse's triage of a visit: vital signs (read and flagged by ``VitalSignRules``),
    /// a short note and the priority, which the visit takes. Clinical and append-only: a
    /// correction passes `correcting` and supersedes that triage.
    @discardableResult
    public func recordTriage(
        visit visitID: EntityID<Visit>, vitals: VitalSigns, note: String, priority: QueuePriority,
        correcting previous: EntityID<Triage>? = nil, by author: Author
    ) throws(StoreError) -> Triage {
        try write(.triage, by: author) { writer in
            guard let old = try VisitRecord.fetchOne(writer.db, key: visitID.description), old.deletedAt == nil else {
                throw StoreError.notFound(what: "queue entry", id: visitID.description)
            }
            var visit = try old.visit
            let note = NameRule.tidy(note)
            guard !vitals.isEmpty || !note.isEmpty else {
                throw ValidationFailure([FieldProblem(field: "triage", message: "Nothing to record: measure something or write a note.")])
            }
            guard note.count <= 1_000 else {
                throw ValidationFailure([FieldProblem(field: "note", message: "The triage note is longer than 1,000 characters.")])
            }
            if let previous {
                guard try TriageRecord.fetchOne(writer.db, key: previous.description)?.visitID == visitID.description else {
                    throw StoreError.notFound(what: "triage of this visit", id: previous.description)
                }
            }
            let triage = Triage(id: environment.ids.id(), visitID: visitID, patientID: visit.patientID, vitals: vitals, note: note,
                                priority: priority, recordedAt: writer.now, recordedBy: author.name, supersedes: previous)
            var record = TriageRecord(triage)
            try writer.insert(&record)
            if visit.priority != priority {
                visit.priority = priority
                var updated = old
                updated.apply(visit)
                try writer.update(&updated, from: old)
            }
            let flagged = VitalSignRules.flags(of: vitals).map { "\($0.key.name) \($0.value.word)" }.sorted()
            try writer.audit(previous == nil ? "triage.record" : "triage.correct", TriageRecord.self, record.id,
                             "Triage of ticket \(visit.ticket): priority \(priority)"
                                + (flagged.isEmpty ? "" : "; " + flagged.joined(separator: ", ")),
                             patient: visit.patientID.description)
            return triage
        }
    }

    /// The triages of a visit, oldest first (corrections included; ``Triage/supersedes`` links them).
    public func triages(of visitID: EntityID<Visit>) throws(StoreError) -> [Triage] {
        try read { db in
            try TriageRecord.filter(Column("visit_id") == visitID.description && Column("deleted_at") == nil)
                .order(Column("recorded_at"), Column.rowID).fetchAll(db).map { try $0.triage }
        }
    }
}
