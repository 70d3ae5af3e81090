import ClinicCore
import Foundation
import TerminalKit

/// Triage by the nurse, the doctor's note, and reading a visit's record. Clinical and
/// append-only: a correction or an amendment is a new entry; both are kept.
public enum ConsultationFeature {
    public typealias Outcome = FrontDesk.Outcome<ConsultationAction, ConsultationEffect, ConsultationDelegate, ConsultationModal>
    public typealias Context = FeatureContext<ConsultationModal>

    /// The visit record's keymap context.
    public static let recordContext = "record"

    /// The triage form's fields, in order.
    static let triageSigns: [VitalSign] = [.bloodPressure, .pulse, .temperature, .respiratoryRate, .oxygenSaturation, .weight, .height]
    static let triageNoteField = 7
    static let triagePriorityField = 8

    public static func reduce(_ state: inout ConsultationState, _ action: ConsultationAction, _ context: Context) -> Outcome {
        let session = context.session
        switch action {
        case let .openTriage(visit):
            return .modal(.push(.triage(visit, triageForm(visit, from: nil), correcting: nil)))
        case let .openNote(visit):
            guard let user = session.user else { return .none }
            state.noteAfterLoading = visit
            return .effects(.loadRecord(visit, user))
        case let .openRecord(visit):
            guard let user = session.user else { return .none }
            state.openRecord = visit
            return Outcome(effects: [.loadRecord(visit, user)], modals: [.push(.record(VisitRecordState(visit: visit)))])
        case .amendNote:
            guard case let .record(record) = context.modal else { return .none }
            guard session.may(.writeClinicalNotes) else { return .refusal(session.refusal(.writeClinicalNotes) ?? "") }
            return .modal(.push(.note(record.visit, noteForm(record.visit, from: record.latestNote), amending: record.latestNote?.id)))
        case .correctTriage:
            guard case let .record(record) = context.modal else { return .none }
            guard session.may(.triage) else { return .refusal(session.refusal(.triage) ?? "") }
            guard let latest = record.latestTriage else { return .refusal("There is no triage to correct yet.") }
            return .modal(.push(.triage(record.visit, triageForm(record.visit, from: latest), correcting: latest.id)))
        case .closeRecord:
            state.openRecord = nil
            return .modal(.pop)
        case let .scroll(move):
            guard case var .record(record) = context.modal else { return .none }
            switch move.move {
            case .next: record.scroll += 1
            case .previous: record.scroll = max(0, record.scroll - 1)
            case .pageDown: record.scroll += move.pageSize
            case .pageUp: record.scroll = max(0, record.scroll - move.pageSize)
            case .first: record.scroll = 0
            case .last, .item: record.scroll = Int.max / 2
            }
            return .modal(.replace(.record(record)))
        case let .typed(edit):
            switch context.modal {
            case .triage(let visit, var form, let correcting):
                form.apply(edit)
                return .modal(.replace(.triage(visit, form, correcting: correcting)))
            case .note(let visit, var form, let amending):
                form.apply(edit)
                return .modal(.replace(.note(visit, form, amending: amending)))
            case .record, nil:
                return .none
            }
        case let .form(command):
            return formCommand(command, context)
        case let .recordLoaded(id, notes, triages):
            if let visit = state.noteAfterLoading, visit.visitID == id {
                state.noteAfterLoading = nil
                var record = VisitRecordState(visit: visit)
                record.notes = notes
                return .modal(.push(.note(visit, noteForm(visit, from: record.latestNote), amending: record.latestNote?.id)))
            }
            guard case var .record(record) = context.modal, record.visit.visitID == id else { return .none }
            record.notes = notes
            record.triages = triages
            record.isLoaded = true
            return .modal(.replace(.record(record)))
        case let .saved(message):
            var outcome = Outcome(delegates: [.storeWritten], message: StatusMessage(message), modals: [.pop])
            if let record = state.openRecord, let user = session.user { outcome.effects = [.loadRecord(record, user)] }
            return outcome
        case let .failed(failure):
            return failed(failure, context)
        case .delegate:
            return .none
        }
    }

    private static func formCommand(_ command: FormCommand, _ context: Context) -> Outcome {
        guard let user = context.session.user else { return .none }
        switch context.modal {
        case .triage(let visit, var form, let correcting):
            switch command {
            case .nextField, .previousField:
                form.move(command)
                return .modal(.replace(.triage(visit, form, correcting: correcting)))
            case .cancel:
                return .modal(.pop)
            case .save:
                guard !form.isSaving else { return .none }
                switch readTriage(form, default: visit.priority) {
                case let .failure(problems):
                    let errors = problems.byField
                    form.show(errors)
                    return Outcome(message: .error("Not saved: \(errors.count == 1 ? "one field needs" : "\(errors.count) fields need") attention."),
                                   modals: [.replace(.triage(visit, form, correcting: correcting))])
                case let .success((reading, note, priority)):
                    form.isSaving = true
                    let flags = reading.flags.sorted { $0.key.rawValue < $1.key.rawValue }
                        .map { "\($0.key.name) \($0.value.word)" }.joined(separator: ", ")
                    return Outcome(effects: [.recordTriage(visit, reading.vitals, note: note, priority, correcting: correcting,
                                                           flags: flags, user)],
                                   modals: [.replace(.triage(visit, form, correcting: correcting))])
                }
            }
        case .note(let visit, var form, let amending):
            switch command {
            case .nextField, .previousField:
                form.move(command)
                return .modal(.replace(.note(visit, form, amending: amending)))
            case .cancel:
                return .modal(.pop)
            case .save:
                guard !form.isSaving else { return .none }
                let content = NoteContent(complaint: form.text(0), findings: form.text(1), assessment: form.text(2), plan: form.text(3))
                guard !content.isEmpty else {
                    form.show([0: "Write at least one part of the note."])
                    return .modal(.replace(.note(visit, form, amending: amending)))
                }
                form.isSaving = true
                return Outcome(effects: [.writeNote(visit, content, amending: amending, user)],
                               modals: [.replace(.note(visit, form, amending: amending))])
            }
        case .record, nil:
            return .none
        }
    }

    /// A save the store refused: problems go to their fields, the form stays open.
    private static func failed(_ failure: DeskError, _ context: Context) -> Outcome {
        switch context.modal {
        case .triage(let visit, var form, let correcting):
            form.isSaving = false
            if case let .invalid(problems) = failure { form.show([triageNoteField: problems.description]) }
            return Outcome(message: .error("Not saved: \(failure.description)"), modals: [.replace(.triage(visit, form, correcting: correcting))])
        case .note(let visit, var form, let amending):
            form.isSaving = false
            if case let .invalid(problems) = failure {
                let fields = ["complaint", "findings", "assessment", "plan"]
                var errors: [Int: String] = [:]
                for (index, name) in fields.enumerated() { errors[index] = problems.message(for: name) }
                form.show(errors.isEmpty ? [0: problems.description] : errors)
            }
            return Outcome(message: .error("Not saved: \(failure.description)"), modals: [.replace(.note(visit, form, amending: amending))])
        case .record, nil:
            return .refusal(failure.description)
        }
    }
}
