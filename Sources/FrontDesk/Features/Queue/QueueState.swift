public import ClinicCore
import Foundation
public import TerminalKit

/// The queue pane: today's visits, seen as everyone's or the signed-in clinician's own.
public struct QueueState: Hashable, Sendable {
    /// The day's visits with the names to show them (the open ones, as the store reads them).
    public var entries: [QueueEntry] = [] { didSet { rows = Self.rows(entries, scope: scope, me: me) } }
    /// The day's visits that ended, for the average waits in the title.
    public var ended: [Visit] = []
    public var list = ListState()
    public var isLoaded = false
    /// Whose queue the pane shows.
    public var scope: QueueScope = .everyone { didSet { rows = Self.rows(entries, scope: scope, me: me) } }
    /// The provider the signed-in user sees patients as, when linked.
    public var me: Provider? { didSet { rows = Self.rows(entries, scope: scope, me: me) } }
    /// Where a patient can be sent on to.
    public var providers: [Provider] = []
    public var stations: [Station] = []
    /// Waiting this long or more is late.
    public var lateMinutes: Int

    public init(lateMinutes: Int = QueueFeature.defaultLateMinutes) {
        self.lateMinutes = lateMinutes
    }

    /// The rows the pane lists: the open visits in scope (a finished or abandoned visit leaves the active queue).
    /// Kept as entries, scope and provider change: every frame and most keys read it, and every terminal draws
    /// a frame after each check-in anywhere in the clinic.
    public private(set) var rows: [QueueEntry] = []

    private static func rows(_ entries: [QueueEntry], scope: QueueScope, me: Provider?) -> [QueueEntry] {
        entries.filter { $0.visit.isOpen && QueueFeature.isInScope($0.visit, scope: scope, me: me) }
    }
}

/// Whose queue the pane shows.
public enum QueueScope: Hashable, Sendable {
    /// The clinician's own patients and unassigned walk-ins.
    case mine
    case everyone
}

/// Dialogs of the queue.
public enum QueueModal: Hashable, Sendable {
    /// Which room to call to (or to keep as the default room).
    case room(RoomPurpose, FormDialog)
    /// Where to send a patient on to, how a visit ended, or its priority.
    case choice(ChoicePurpose, ChoiceDialog)
}

/// What a room typed is for.
public enum RoomPurpose: Hashable, Sendable {
    case callNext
    case call(EntityID<Visit>, name: String)
    case setDefault
}

/// What a choice made is for.
public enum ChoicePurpose: Hashable, Sendable {
    case sendOn(EntityID<Visit>, name: String, destinations: [VisitDestination])
    case finish(EntityID<Visit>, name: String)
    case priority(EntityID<Visit>, name: String)
}
