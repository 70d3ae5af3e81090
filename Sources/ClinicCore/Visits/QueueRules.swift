import Foundation

/// The queue's rules, pure: who is called next, waiting times, one open visit a day.
public enum QueueRules {
    /// Whom "call next" calls for a clinician: among waiting visits for their own provider and
    /// unassigned walk-ins (not those waiting at a station), the most urgent, then the one who
    /// has waited longest. Nil when nobody waits for them.
    public static func next(for provider: EntityID<Provider>?, in queue: [Visit]) -> Visit? {
        queue.filter { visit in
            visit.status == .waiting && visit.station == nil && (visit.providerID == nil || visit.providerID == provider)
        }
        .min { a, b in
            a.priority != b.priority ? a.priority > b.priority : (a.arrivedAt, a.id.description) < (b.arrivedAt, b.id.description)
        }
    }

    /// The order of the queue on screen: still waiting or called first, most urgent first, then by arrival.
    public static func sorted(_ queue: [Visit]) -> [Visit] {
        queue.sorted { a, b in
            let ra = rank(a.status), rb = rank(b.status)
            if ra != rb { return ra < rb }
            if a.priority != b.priority { return a.priority > b.priority }
            return (a.arrivedAt, a.id.description) < (b.arrivedAt, b.id.description)
        }
    }

    private static func rank(_ status: QueueStatus) -> Int {
        switch status {
        case .called: 0
        case .waiting: 1
        case .inConsultation: 2
        case .done, .left: 3
        }
    }

    /// The mean minutes from arrival to being called, over today's visits that were called;
    /// nil before anyone was.
    public static func averageWait(_ visits: [Visit]) -> Int? {
        let waits = visits.compactMap { visit in visit.calledAt.map { $0.timeIntervalSince(visit.arrivedAt) / 60 } }
        guard !waits.isEmpty else { return nil }
        return Int((waits.reduce(0, +) / Double(waits.count)).rounded())
    }

    /// The mean minutes of a consultation (called to finished), over today's finished visits; nil before any.
    public static func averageConsultation(_ visits: [Visit]) -> Int? {
        let lengths = visits.compactMap { visit -> Double? in
            guard visit.status == .done, let called = visit.calledAt, let finished = visit.finishedAt else { return nil }
            return finished.timeIntervalSince(called) / 60
        }
        guard !lengths.isEmpty else { return nil }
        return Int((lengths.reduce(0, +) / Double(lengths.count)).rounded())
    }

    /// Roughly how long someone arriving now would wait for this provider: everyone waiting
    /// ahead, each taking the day's average consultation (or the provider's slot length before
    /// any consultation finished).
    public static func expectedWait(waitingAhead: Int, averageConsultation: Int?, slotMinutes: Int) -> Int {
        waitingAhead * max(1, averageConsultation ?? slotMinutes)
    }
}
