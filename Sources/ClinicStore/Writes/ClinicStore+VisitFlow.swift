public import ClinicCore
import Foundation
import GRDB

/// The visit from the waiting room to done: call (and un-call), consult, send on, finish.
/// Each is one write with its change rows and audit event; a visit and its appointment move
/// together by the appointment's status machine.
extension ClinicStore {
    /// Calls a waiting patient to a room.
    @discardableResult
    public func callPatient(_ id: EntityID<Visit>, room: String, by author: Author) throws(StoreError) -> Visit {
        try changeVisit(id, action: "visit.call", permission: .callPatient, by: author) { visit, now, _ in
            try call(&visit, room: room, at: now, by: author)
        }
    }

    /// Calls whoever is next for this clinician: their own patients and unassigned walk-ins,
    /// most urgent first, then the longest wait (``QueueRules/next(for:in:)``).
    @discardableResult
    public func callNext(room: String, by author: Author) throws(StoreError) -> Visit {
        let today = today()
        let provider = try author.userID.flatMap { user throws(StoreError) in try providerLinked(to: user) }
        let waiting = try read { db in
            try VisitRecord.filter(Column("day") == today.description && Column("deleted_at") == nil
                                   && Column("status") == QueueStatus.waiting.rawValue).fetchAll(db).map { try $0.visit }
        }
        guard let next = QueueRules.next(for: provider?.id, in: waiting) else {
            throw StoreError.notFound(what: "patient waiting for \(provider?.displayName ?? "you")", id: "")
        }
        return try callPatient(next.id, room: room, by: author)
    }

    private func call(_ visit: inout Visit, room: String, at now: Date, by author: Author) throws -> String {
        guard visit.status == .waiting else {
            throw ValidationFailure([FieldProblem(field: "queue", message: "Only a waiting patient can be called; this one is \(visit.status).")])
        }
        let room = NameRule.tidy(room)
        guard !room.isEmpty, room.count <= 40 else {
            throw ValidationFailure([FieldProblem(field: "room", message: "Say which room (1–40 characters), e.g. “Room 3”.")])
        }
        visit.status = .called
        visit.room = room
        visit.calledBy = author.userID
        visit.calledAt = now
        return "Called ticket \(visit.ticket) to \(room)"
    }

    /// Takes back a call: the patient waits again, in their place (arrival order is kept).
    @discardableResult
    public func uncall(_ id: EntityID<Visit>, by author: Author) throws(StoreError) -> Visit {
        try changeVisit(id, action: "visit.uncall", permission: .callPatient, by: author) { visit, _, _ in
            guard visit.status == .called else {
                throw ValidationFailure([FieldProblem(field: "queue", message: "Only a called patient can be sent back to waiting; this one is \(visit.status).")])
            }
            let room = visit.room ?? "a room"
            visit.status = .waiting
            visit.room = nil
            visit.calledBy = nil
            visit.calledAt = nil
            return "Call to \(room) taken back; waiting again"
        }
    }

    /// The patient is in the room: the consultation starts (and the appointment with it).
    @discardableResult
    public func startConsultation(_ id: EntityID<Visit>, by author: Author) throws(StoreError) -> Visit {
        try changeVisit(id, action: "visit.start", permission: .callPatient, by: author) { visit, now, writer in
            guard visit.status == .called || visit.status == .waiting else {
                throw ValidationFailure([FieldProblem(field: "queue", message: "Only a waiting or called patient can be seen; this one is \(visit.status).")])
            }
            visit.status = .inConsultation
            visit.calledBy = visit.calledBy ?? author.userID
            visit.calledAt = visit.calledAt ?? now
            try moveAppointment(of: visit, .startConsultation, writer: &writer)
            return "Consultation started\(visit.room.map { " in \($0)" } ?? "")"
        }
    }

    /// Ends the visit with its outcome; the appointment is completed. The visit leaves the active queue.
    @discardableResult
    public func finishVisit(_ id: EntityID<Visit>, outcome: VisitOutcome, by author: Author) throws(StoreError) -> Visit {
        try changeVisit(id, action: "visit.finish", permission: .callPatient, by: author) { visit, now, writer in
            guard visit.status == .inConsultation || visit.status == .called else {
                throw ValidationFailure([FieldProblem(field: "queue", message: "Only a patient being seen can be finished; this one is \(visit.status).")])
            }
            if visit.status == .called { try moveAppointment(of: visit, .startConsultation, writer: &writer) }
            visit.status = .done
            visit.outcome = outcome
            visit.finishedAt = now
            try moveAppointment(of: visit, .complete, writer: &writer)
            return "Finished: \(outcome)"
        }
    }

    /// Sends the patient on to another provider or a station: the visit is kept, the hop is
    /// recorded, and the patient waits again there.
    @discardableResult
    public func sendOn(_ id: EntityID<Visit>, to destination: VisitDestination, note: String = "", by author: Author)
        throws(StoreError) -> Visit
    {
        try changeVisit(id, action: "visit.send-on", permission: .checkIn, by: author) { visit, now, writer in
            guard visit.isOpen else {
                throw ValidationFailure([FieldProblem(field: "queue", message: "This visit has ended (\(visit.status)).")])
            }
            let from = try place(of: visit, in: writer.db)
            switch destination {
            case let .provider(provider, _):
                _ = try activeProvider(provider, in: writer.db)
                visit.providerID = provider
                visit.station = nil
            case let .station(name):
                let name = NameRule.tidy(name)
                guard !name.isEmpty else {
                    throw ValidationFailure([FieldProblem(field: "station", message: "Say where the patient goes.")])
                }
                visit.station = name
            }
            visit.status = .waiting
            visit.room = nil
            visit.calledBy = nil
            visit.calledAt = nil
            var hop = VisitHopRecord(
                id: environment.ids.next().lowercased, visitID: visit.id.description, fromPlace: from,
                toPlace: destination.name, toProviderID: { if case let .provider(id, _) = destination { id.description } else { nil } }(),
                toStation: { if case let .station(name) = destination { NameRule.tidy(name) } else { nil } }(),
                note: NameRule.tidy(note), hoppedAt: ISOInstant.format(now), hoppedBy: author.userID?.description,
                createdAt: ISOInstant.format(now))
            try writer.insert(&hop)
            return "Sent on from \(from) to \(destination.name)" + (note.isEmpty ? "" : ": \(NameRule.tidy(note))")
        }
    }

    /// Where the visit waits now, in words.
    func place(of visit: Visit, in db: Database) throws -> String {
        if let station = visit.station { return station }
        guard let provider = visit.providerID else { return "any provider" }
        return try String.fetchOne(db, sql: "SELECT display_name FROM provider WHERE id = ?", arguments: [provider.description])
            ?? "a provider"
    }

    /// Moves the visit's appointment along with it when that move is legal from where it is.
    func moveAppointment(of visit: Visit, _ transition: AppointmentTransition, writer: inout ChangeWriter) throws {
        guard let appointmentID = visit.appointmentID,
              let old = try AppointmentRecord.fetchOne(writer.db, key: appointmentID.description), old.deletedAt == nil
        else { return }
        let appointment = try old.appointment
        guard AppointmentStatusMachine.canMove(from: appointment.status, to: transition.target) else { return }
        var record = old
        record.apply(try AppointmentStatusMachine.apply(transition, to: appointment))
        try writer.update(&record, from: old)
    }

    /// The provider a user sees patients as, if any.
    public func providerLinked(to user: EntityID<User>) throws(StoreError) -> Provider? {
        try read { db in
            try ProviderRecord.filter(Column("user_id") == user.description && Column("deleted_at") == nil)
                .fetchOne(db).map { try $0.provider }
        }
    }
}
