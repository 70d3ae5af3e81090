public import ClinicCore
import Foundation

/// What the waiting-room board shows, worked out from the day's visits: who is called now and
/// to which room, the calls before, who still waits, and the day's average wait.
///
/// Pure and built afresh from each read of the store, so nothing accumulates however long the
/// board runs. It holds tickets, rooms and the names as ``BoardNames`` allows — never a
/// priority, a provider or any status beyond called and waiting.
public struct BoardModel: Hashable, Sendable {
    /// The latest call of a patient who has not come in yet; nil when nobody is being called.
    public var nowCalling: BoardCall?
    /// Earlier calls to a room, the newest first: those still called, in a room, or done (not those
    /// called back, nor visits started without a call).
    public var recentCalls: [BoardCall]
    /// Who waits to be called, by arrival (first come first): never ordered by priority, which the room must not see.
    public var waiting: [BoardTicket]
    /// How many wait in all (``waiting`` may hold fewer).
    public var waitingCount: Int
    /// Mean minutes from arrival to being called today (``QueueRules/averageWait(_:)``); nil before the first call.
    public var averageWait: Int?

    public init(
        nowCalling: BoardCall? = nil, recentCalls: [BoardCall] = [], waiting: [BoardTicket] = [], waitingCount: Int = 0,
        averageWait: Int? = nil
    ) {
        self.nowCalling = nowCalling
        self.recentCalls = recentCalls
        self.waiting = waiting
        self.waitingCount = waitingCount
        self.averageWait = averageWait
    }

    /// The most earlier calls a board keeps (more than any screen shows).
    public static let recentLimit = 8
    /// The most waiting tickets a board keeps.
    public static let waitingLimit = 60

    /// The board for the day's visits, naming people as `names` says.
    public init(entries: [WaitingRoomEntry], names: BoardNames) {
        let calls =
            entries
            .filter { entry in
                entry.visit.calledAt != nil && !(entry.visit.room ?? "").isEmpty
                    && [.called, .inConsultation, .done].contains(entry.visit.status)
            }
            .sorted { a, b in
                (a.visit.calledAt ?? .distantPast, a.visit.ticket) > (b.visit.calledAt ?? .distantPast, b.visit.ticket)
            }
        let current = calls.first { $0.visit.status == .called }
        nowCalling = current.map { BoardCall($0, names: names) }
        recentCalls = calls.lazy.filter { $0.id != current?.id }.prefix(Self.recentLimit).map {
            BoardCall($0, names: names)
        }
        let waitingEntries =
            entries
            .filter { $0.visit.status == .waiting }
            .sorted { a, b in (a.visit.arrivedAt, a.visit.ticket) < (b.visit.arrivedAt, b.visit.ticket) }
        waiting = waitingEntries.prefix(Self.waitingLimit).map {
            BoardTicket(ticket: $0.visit.ticket, name: names.label(family: $0.familyName, given: $0.givenName))
        }
        waitingCount = waitingEntries.count
        averageWait = QueueRules.averageWait(entries.map(\.visit))
    }
}

/// A ticket called to a room.
public struct BoardCall: Hashable, Sendable {
    public var ticket: Int
    /// The room as the board says it: `Room 3` (a bare number gets the word), otherwise as typed.
    public var room: String
    /// Initials or the full name, as configured; nil when names are hidden.
    public var name: String?

    public init(ticket: Int, room: String, name: String? = nil) {
        self.ticket = ticket
        self.room = room
        self.name = name
    }

    init(_ entry: WaitingRoomEntry, names: BoardNames) {
        self.init(
            ticket: entry.visit.ticket, room: Self.roomLabel(entry.visit.room ?? ""),
            name: names.label(family: entry.familyName, given: entry.givenName))
    }

    /// `Room 3` for `3`; any other room name as typed.
    public static func roomLabel(_ room: String) -> String {
        let room = room.trimmingCharacters(in: .whitespaces)
        return !room.isEmpty && room.allSatisfy(\.isNumber) ? "Room \(room)" : room
    }
}

/// A ticket waiting to be called.
public struct BoardTicket: Hashable, Sendable {
    public var ticket: Int
    /// Initials or the full name, as configured; nil when names are hidden.
    public var name: String?

    public init(ticket: Int, name: String? = nil) {
        self.ticket = ticket
        self.name = name
    }
}
