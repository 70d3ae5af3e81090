public import ClinicCore
public import TerminalKit

/// The consultation feature keeps everything in its dialogs: a triage form, a note form, and
/// the record of a visit (its notes and triages). Its own state only remembers what is loading.
public struct ConsultationState: Hashable, Sendable {
    /// The visit whose record is being read to open a note form (amending the latest note).
    public var noteAfterLoading: VisitRef?
    /// The visit whose record is open (read again after a note or triage is saved over it).
    public var openRecord: VisitRef?

    public init() {}
}

/// The consultation's dialogs.
public enum ConsultationModal: Hashable, Sendable {
    case triage(VisitRef, FormDialog, correcting: EntityID<Triage>?)
    case note(VisitRef, FormDialog, amending: EntityID<ConsultationNote>?)
    case record(VisitRecordState)
}

/// A visit's notes and triages as read, oldest first, and how far the reader scrolled.
public struct VisitRecordState: Hashable, Sendable {
    public var visit: VisitRef
    public var notes: [ConsultationNote] = []
    public var triages: [Triage] = []
    public var isLoaded = false
    public var scroll = 0

    public init(visit: VisitRef) {
        self.visit = visit
    }

    /// The newest note that no other note amends.
    public var latestNote: ConsultationNote? {
        notes.last { note in !notes.contains { $0.supersedes == note.id } }
    }

    /// The newest triage that no other triage corrects.
    public var latestTriage: Triage? {
        triages.last { triage in !triages.contains { $0.supersedes == triage.id } }
    }
}

/// What can happen in the consultation's dialogs.
public enum ConsultationAction: Hashable, Sendable {
    case openTriage(VisitRef)
    case openNote(VisitRef)
    case openRecord(VisitRef)
    case amendNote
    case correctTriage
    case closeRecord
    case scroll(ListMove)
    case typed(TextEdit)
    case form(FormCommand)
    case recordLoaded(EntityID<Visit>, notes: [ConsultationNote], triages: [Triage])
    case saved(String)
    case failed(DeskError)
    case delegate(ConsultationDelegate)
}

/// What the consultation tells the root.
public enum ConsultationDelegate: Hashable, Sendable {
    case storeWritten
}

/// Work the consultation asks for.
public enum ConsultationEffect: IdentifiedEffect {
    case loadRecord(VisitRef, User)
    case recordTriage(VisitRef, VitalSigns, note: String, QueuePriority, correcting: EntityID<Triage>?, flags: String, User)
    case writeNote(VisitRef, NoteContent, amending: EntityID<ConsultationNote>?, User)

    public var id: EffectID? {
        switch self {
        case .loadRecord: "consultation.record"
        case .recordTriage, .writeNote: nil
        }
    }

    func run(_ client: ConsultationClient, log: @Sendable (String) -> Void) async -> [ConsultationAction] {
        do {
            switch self {
            case let .loadRecord(visit, user):
                let record = try await client.record(visit.visitID, user)
                return [.recordLoaded(visit.visitID, notes: record.notes, triages: record.triages)]
            case let .recordTriage(visit, vitals, note, priority, correcting, flags, user):
                try await client.recordTriage(visit.visitID, vitals, note, priority, correcting, user)
                let verb = correcting == nil ? "Triage saved" : "Triage corrected"
                return [.saved("\(verb) for \(visit.patient.name): \(priority)\(flags.isEmpty ? "" : "; " + flags).")]
            case let .writeNote(visit, content, amending, user):
                try await client.writeNote(visit.visitID, content, amending, user)
                return [.saved(amending == nil ? "Note saved for \(visit.patient.name)." : "Note amended for \(visit.patient.name); the earlier one is kept.")]
            }
        } catch is CancellationError {
            return []
        } catch {
            log("consultation: \(self) failed: \(error)")
            return [.failed(DeskError.from(error))]
        }
    }
}

/// What the consultation needs from the world.
public struct ConsultationClient: Sendable {
    /// A visit's notes (for roles that may read them; none otherwise) and triages.
    public var record: @Sendable (EntityID<Visit>, User) async throws -> (notes: [ConsultationNote], triages: [Triage])
    public var recordTriage: @Sendable (EntityID<Visit>, VitalSigns, String, QueuePriority, EntityID<Triage>?, User) async throws -> Void
    public var writeNote: @Sendable (EntityID<Visit>, NoteContent, EntityID<ConsultationNote>?, User) async throws -> Void

    public init(
        record: @escaping @Sendable (EntityID<Visit>, User) async throws -> (notes: [ConsultationNote], triages: [Triage]),
        recordTriage: @escaping @Sendable (EntityID<Visit>, VitalSigns, String, QueuePriority, EntityID<Triage>?, User) async throws -> Void,
        writeNote: @escaping @Sendable (EntityID<Visit>, NoteContent, EntityID<ConsultationNote>?, User) async throws -> Void
    ) {
        self.record = record
        self.recordTriage = recordTriage
        self.writeNote = writeNote
    }
}
