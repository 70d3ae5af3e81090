public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Books an appointment; refuses a slot with problems unless the request accepts them.
    @discardableResult
    public func bookAppointment(_ request: BookingRequest, by author: Author) throws(StoreError) -> Appointment {
        try write(.bookAppointment, by: author) { writer in
            let appointment = try insertAppointment(request, writer: &writer)
            try writer.audit("appointment.book", AppointmentRecord.self, appointment.id.description,
                             "Booked \(appointment.start) for \(appointment.minutes) min", patient: appointment.patientID.description)
            return appointment
        }
    }

    /// Moves an appointment along its lifecycle, keeping the patient's queue entry in step:
    /// checking in puts the patient in the queue, starting and completing the consultation move them through it.
    @discardableResult
    public func changeAppointmentStatus(
        _ id: EntityID<Appointment>, _ transition: AppointmentTransition, by author: Author
    ) throws(StoreError) -> Appointment {
        try write(transition.permission, by: author) { writer in
            let old = try activeAppointment(id, in: writer.db)
            let next = try AppointmentStatusMachine.apply(transition, to: try old.appointment)
            var record = old
            record.apply(next)
            try writer.update(&record, from: old)
            try updateQueue(for: next, transition: transition, writer: &writer)
            try writer.audit("appointment.\(next.status.rawValue)", AppointmentRecord.self, record.id,
                             "Appointment \(next.start): \(old.status) → \(next.status.rawValue)"
                                + (next.cancelReason.map { " (\($0))" } ?? ""), patient: record.patientID)
            return next
        }
    }

    /// Books a follow-up from a completed appointment and links the two.
    @discardableResult
    public func bookFollowUp(
        from id: EntityID<Appointment>, at start: LocalDateTime, minutes: Int? = nil, reason: String = "",
        acceptingProblems: Bool = false, by author: Author
    ) throws(StoreError) -> Appointment {
        try write(.bookAppointment, by: author) { writer in
            let old = try activeAppointment(id, in: writer.db)
            let original = try old.appointment
            let followUp = try insertAppointment(
                BookingRequest(patientID: original.patientID, providerID: original.providerID, start: start,
                               minutes: minutes, kind: .followUp, mode: original.mode,
                               reason: reason.isEmpty ? original.reason : reason, acceptingProblems: acceptingProblems),
                writer: &writer
            )
            let linked = try AppointmentStatusMachine.apply(.bookFollowUp(followUp.id), to: original)
            var record = old
            record.apply(linked)
            try writer.update(&record, from: old)
            try writer.audit("appointment.follow-up", AppointmentRecord.self, followUp.id.description,
                             "Booked follow-up \(followUp.start) from \(original.start)", patient: original.patientID.description)
            return followUp
        }
    }

    private func insertAppointment(_ request: BookingRequest, writer: inout ChangeWriter) throws -> Appointment {
        let patient = try activePatient(request.patientID, in: writer.db)
        let provider = try activeProvider(request.providerID, in: writer.db)
        let minutes = request.minutes ?? provider.defaultSlotMinutes
        guard (5...480).contains(minutes) else {
            throw ValidationFailure([FieldProblem(field: "minutes", message: "An appointment must last 5 to 480 minutes, not \(minutes).")])
        }
        guard request.start.time.minuteOfDay + minutes <= 24 * 60 else {
            throw ValidationFailure([FieldProblem(field: "start", message: "The appointment would run past midnight.")])
        }
        let problems = BookingRules.problems(
            start: request.start, minutes: minutes,
            templates: try weeklySchedule(of: request.providerID, in: writer.db),
            exceptions: try scheduleExceptions(covering: request.start.date, provider: request.providerID, in: writer.db),
            sameDay: try appointmentRecords(on: request.start.date, provider: request.providerID, in: writer.db)
                .map { try $0.appointment },
            now: try localNow(writer: writer)
        )
        if !problems.isEmpty && !request.acceptingProblems { throw StoreError.bookingRefused(problems) }
        let appointment = Appointment(
            id: environment.ids.id(), patientID: request.patientID, providerID: request.providerID, start: request.start,
            minutes: minutes, kind: request.kind, mode: request.mode, reason: NameRule.tidy(request.reason)
        )
        var record = AppointmentRecord(
            id: appointment.id.description, patientID: patient.id, providerID: provider.id.description,
            startDate: "", startMinute: 0, minutes: 0, kind: "", mode: "", status: "", reason: "",
            createdAt: ISOInstant.format(writer.now), hlc: "", originDevice: ""
        )
        record.apply(appointment)
        try writer.insert(&record)
        return appointment
    }

    func activeAppointment(_ id: EntityID<Appointment>, in db: Database) throws -> AppointmentRecord {
        guard let record = try AppointmentRecord.fetchOne(db, key: id.description), record.deletedAt == nil else {
            throw StoreError.notFound(what: "appointment", id: id.description)
        }
        return record
    }

    private func localNow(writer: ChangeWriter) throws -> LocalDateTime {
        let zone = try String.fetchOne(writer.db, sql: "SELECT time_zone FROM clinic LIMIT 1").flatMap(TimeZone.init(identifier:)) ?? .gmt
        let seconds = Int(writer.now.timeIntervalSince1970) + zone.secondsFromGMT(for: writer.now)
        let day = CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let minute = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return LocalDateTime(date: day, time: ClockTime(minuteOfDay: minute)!)
    }

    /// Keeps the queue entry of an appointment in step with its status.
    private func updateQueue(for appointment: Appointment, transition: AppointmentTransition, writer: inout ChangeWriter) throws {
        let existing = try VisitRecord
            .filter(Column("appointment_id") == appointment.id.description && Column("deleted_at") == nil)
            .fetchOne(writer.db)
        switch transition {
        case .checkIn:
            guard existing == nil else { return }
            let today = try writer.today()
            // One open visit a day: someone already here as a walk-in now waits for this appointment.
            if let open = try openVisit(of: appointment.patientID, on: today, in: writer.db) {
                var visit = try open.visit
                guard visit.appointmentID == nil else {
                    throw StoreError.alreadyExists("This patient is already in today's queue for another appointment: \(try describe(open, in: writer.db)).")
                }
                visit.appointmentID = appointment.id
                if visit.providerID == nil && visit.station == nil { visit.providerID = appointment.providerID }
                var record = open
                record.apply(visit)
                try writer.update(&record, from: open)
                return
            }
            let visit = Visit(id: environment.ids.id(), patientID: appointment.patientID, appointmentID: appointment.id,
                              providerID: appointment.providerID, day: today, arrivedAt: writer.now,
                              ticket: try nextTicket(on: today, in: writer.db))
            try insertVisit(visit, writer: &writer)
        case .startConsultation, .complete:
            guard let old = existing else { return }
            var visit = try old.visit
            if transition == .startConsultation {
                visit.status = .inConsultation
                visit.calledBy = visit.calledBy ?? writer.author.userID
                visit.calledAt = visit.calledAt ?? writer.now
            } else {
                visit.status = .done
                visit.finishedAt = writer.now
            }
            var record = old
            record.apply(visit)
            try writer.update(&record, from: old)
        case .confirm, .cancel, .markNoShow, .bookFollowUp:
            return
        }
    }
}

extension AppointmentTransition {
    /// The permission a person needs to make this transition.
    public var permission: Permission {
        switch self {
        case .checkIn: .checkIn
        case .startConsultation, .complete: .callPatient
        case .confirm, .cancel, .markNoShow, .bookFollowUp: .bookAppointment
        }
    }
}
