public import ClinicCore
public import Foundation
import TerminalKit

/// Today's queue: who waits for whom and for how long, and moving each visit along — call,
/// un-call, see, send on, finish, priority, left without being seen.
public enum QueueFeature {
    /// What a commit elsewhere must change for this feature to reread. The queue: visits with their patients (names, allergy status), appointments, providers and who is signed in as which.
    static let reads: Set<ClinicDataKind> = [.visits, .patients, .allergies, .appointments, .providers, .users, .stations, .billing]
    /// What the pane's context (``QueueAction/contextLoaded(me:providers:stations:)``) is read from.
    static let contextReads: Set<ClinicDataKind> = [.providers, .users, .stations]

    public typealias Outcome = FrontDesk.Outcome<QueueAction, QueueEffect, QueueDelegate, QueueModal>
    public typealias Context = FeatureContext<QueueModal>

    public static let context = "pane.queue"
    /// Waiting this long or more is late unless the configuration says otherwise.
    public static let defaultLateMinutes = 30

    public static func reduce(_ state: inout QueueState, _ action: QueueAction, _ context: Context) -> Outcome {
        let session = context.session
        switch action {
        case .openSelected:
            guard let entry = selected(state, session) else { return .none }
            return .delegate(.openPatient(entry.visit.patientID))
        case let .move(move):
            let (rows, late) = (state.rows, state.lateMinutes)
            ListBehaviour.move(&state.list, move, count: rows.count) { searchTexts(rows, now: session.now, lateMinutes: late) }
            return .none
        case let .filter(command):
            let (rows, late) = (state.rows, state.lateMinutes)
            ListBehaviour.filter(&state.list, command, count: rows.count) { searchTexts(rows, now: session.now, lateMinutes: late) }
            return .none
        case let .filterTyped(edit):
            let (rows, late) = (state.rows, state.lateMinutes)
            ListBehaviour.editFilter(&state.list, edit, count: rows.count) { searchTexts(rows, now: session.now, lateMinutes: late) }
            return .none
        case .toggleScope:
            let selectedID = selected(state, session)?.id
            state.scope = state.scope == .mine ? .everyone : .mine
            reselect(&state, selectedID, session)
            return .message(state.scope == .mine ? "Showing your queue." : "Showing everyone's queue.")
        case let .loaded(day):
            let selectedID = selected(state, session)?.id ?? state.list.selected.flatMap { state.rows.indices.contains($0) ? state.rows[$0].id : nil }
            state.entries = day.open
            state.ended = day.ended
            state.isLoaded = true
            reselect(&state, selectedID, session)
            return .none
        case let .contextLoaded(me, providers, stations):
            let first = state.providers.isEmpty && state.stations.isEmpty && state.me == nil
            state.me = me
            state.providers = providers
            state.stations = stations
            // A clinician who sees patients as a provider starts on their own queue.
            if first, me != nil, session.role == .doctor || session.role == .nurse { state.scope = .mine }
            return .none
        case .refresh:
            guard let user = session.user else { return .effects(.load(session.today)) }
            return .effects(.load(session.today), .loadContext(user))
        case .refreshVisits:
            return .effects(.load(session.today))
        case let .checkInWalkIn(patient):
            guard let user = session.user else { return .none }
            return .effects(.checkInWalkIn(patient, user))
        case let .wrote(message):
            return Outcome(delegates: [.storeWritten], message: StatusMessage(message))
        case let .defaultRoomSet(room):
            let message = room.map { "Patients are called to \($0) unless you say otherwise." } ?? "No default room: you will be asked."
            return Outcome(delegates: [.defaultRoomChanged(room), .storeWritten], message: StatusMessage(message))
        case let .failed(failure):
            return .refusal(failure.description)
        case .delegate:
            return .none
        default:
            return QueueActions.reduce(&state, action, context)
        }
    }

    /// After rows changed, keeps the same visit selected when it is still listed.
    static func reselect(_ state: inout QueueState, _ id: EntityID<Visit>?, _ session: Session) {
        let (rows, late) = (state.rows, state.lateMinutes)
        ListBehaviour.reload(&state.list, selected: id, ids: rows.map(\.id)) { searchTexts(rows, now: session.now, lateMinutes: late) }
    }

    /// Whether a visit belongs in the scope: mine is the clinician's own patients and unassigned
    /// walk-ins; someone who sees patients as no provider has only everyone's queue.
    public static func isInScope(_ visit: Visit, scope: QueueScope, me: Provider?) -> Bool {
        guard scope == .mine, let me else { return true }
        return visit.station == nil && (visit.providerID == nil || visit.providerID == me.id)
    }

    /// The selected row, when the filter keeps it.
    public static func selected(_ state: QueueState, _ session: Session) -> QueueEntry? {
        let rows = state.rows
        return ListBehaviour.selectedIndex(state.list, count: rows.count) {
            searchTexts(rows, now: session.now, lateMinutes: state.lateMinutes)
        }.map { rows[$0] }
    }

    /// The patient of the selected visit.
    public static func lookedAt(_ state: QueueState, _ session: Session) -> PatientRef? {
        selected(state, session).map(patient)
    }

    static func patient(_ entry: QueueEntry) -> PatientRef {
        PatientRef(id: entry.visit.patientID, name: entry.patientName, mrn: entry.patientMRN)
    }

    static func visitRef(_ entry: QueueEntry) -> VisitRef {
        VisitRef(visitID: entry.visit.id, patient: patient(entry), ticket: entry.visit.ticket, priority: entry.visit.priority)
    }

    /// What the `/` filter matches: the words each row shows (`late`, `urgent`, the provider or station).
    public static func searchTexts(_ rows: [QueueEntry], now: Date, lateMinutes: Int) -> [String] {
        rows.map { entry in
            let visit = entry.visit
            let wait = waitText(visit.waitingMinutes(at: now), status: visit.status, late: isLate(entry, now: now, lateMinutes))
            return "\(visit.ticket) \(visit.priority == .normal ? "" : visit.priority.rawValue) \(entry.patientName) "
                + "\(entry.patientMRN) \(wait) \(place(entry)) \(visit.room ?? "") \(StatusWords.visit(visit.status))"
        }
    }

    /// Whom or where the patient waits for: the provider, the station, or anyone.
    static func place(_ entry: QueueEntry) -> String {
        entry.visit.station ?? entry.providerName ?? "any"
    }

    static func isLate(_ entry: QueueEntry, now: Date, _ lateMinutes: Int) -> Bool {
        entry.visit.status == .waiting && entry.visit.waitingMinutes(at: now) >= lateMinutes
    }

    static func waitText(_ minutes: Int, status: QueueStatus, late: Bool) -> String {
        guard status == .waiting || status == .called else { return "" }
        let time = minutes >= 60 ? "\(minutes / 60)h\(Digits.padded(minutes % 60, 2))" : "\(minutes) min"
        return late ? "LATE \(time)" : time
    }
}
