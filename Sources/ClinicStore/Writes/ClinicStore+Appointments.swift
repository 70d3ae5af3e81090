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
            if case .markNoShow = transition, try old.appointment.start > (try localNow(writer: writer)) {
                throw ValidationFailure([FieldProblem(field: "appointment", message: "A no-show can only be recorded once the appointment's time has come (\(try old.appointment.start)).")])
            }
            let next = try AppointmentStatusMachine.apply(transition, to: try old.appointment)
            var record = old
            record.apply(next)
            try writer.update(&record, from: old)
            try updateQueue(for: next, transition: transition, writer: &writer)
            let summary = try writer.settlingDoubleBookings(
                of: record.id, summary: "Appointment \(next.start): \(old.status) → \(next.status.rawValue)"
                    + (next.cancelReason.map { " (\($0))" } ?? ""))
            try writer.audit("appointment.\(next.status.rawValue)", AppointmentRecord.self, record.id, summary, patient: record.patientID)
            return next
        }
    }

    /// Books a follow-up from a completed appointment and links the two.
    @discardableResult
    public func bookFollowUp(
        from id: EntityID<Appointment>, at start: LocalDateTime, minutes: Int? = nil, reason: String = "",
        mode: AppointmentMode? = nil, acceptingProblems: Bool = false, overbookReason: String = "", by author: Author
    ) throws(StoreError) -> Appointment {
        try write(.bookAppointment, by: author) { writer in
            let old = try activeAppointment(id, in: writer.db)
            let original = try old.appointment
            let followUp = try insertAppointment(
                BookingRequest(patientID: original.patientID, providerID: original.providerID, start: start,
                               minutes: minutes, kind: .followUp, mode: mode ?? original.mode,
                               reason: reason.isEmpty ? original.reason : reason, acceptingProblems: acceptingProblems,
                               overbookReason: overbookReason),
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

    func insertAppointment(_ request: BookingRequest, writer: inout ChangeWriter) throws -> Appointment {
        let patient = try activePatient(request.patientID, in: writer.db)
        let provider = try activeProvider(request.providerID, in: writer.db)
        let minutes = request.minutes ?? provider.defaultSlotMinutes
        let problems = try bookingProblems(patient: request.patientID, provider: request.providerID, start: request.start,
                                           minutes: minutes, ignoring: nil, writer: writer)
        let overbook = try overbookReason(request.acceptingProblems, reason: request.overbookReason, problems: problems,
                                          author: writer.author)
        let appointment = Appointment(
            id: environment.ids.id(), patientID: request.patientID, providerID: request.providerID, start: request.start,
            minutes: minutes, kind: request.kind, mode: request.mode, reason: NameRule.tidy(request.reason),
            seriesID: request.seriesID, overbookReason: overbook
        )
        var record = AppointmentRecord(
            id: appointment.id.description, patientID: patient.id, providerID: provider.id.description,
            startDate: "", startMinute: 0, minutes: 0, kind: "", mode: "", status: "", reason: "",
            createdAt: ISOInstant.format(writer.now), hlc: "", originDevice: ""
        )
        record.apply(appointment)
        try writer.insert(&record)
        if let entry = request.waitlistEntry { try closeWaitlistEntry(entry, booked: appointment.id, writer: &writer) }
        return appointment
    }

    /// Every problem with booking `minutes` at `start` for this patient with this provider
    /// (hours, breaks, leave, the past, the provider's other bookings, the patient's other bookings).
    func bookingProblems(
        patient: EntityID<Patient>, provider: EntityID<Provider>, start: LocalDateTime, minutes: Int,
        ignoring: EntityID<Appointment>?, writer: ChangeWriter
    ) throws -> [BookingProblem] {
        guard (5...480).contains(minutes) else {
            throw ValidationFailure([FieldProblem(field: "minutes", message: "An appointment must last 5 to 480 minutes, not \(minutes).")])
        }
        guard start.time.minuteOfDay + minutes <= 24 * 60 else {
            throw ValidationFailure([FieldProblem(field: "start", message: "The appointment would run past midnight.")])
        }
        let patientDay = try Row.fetchAll(writer.db, sql: """
            SELECT \(AppointmentRecord.columns("a")), v.display_name FROM appointment a JOIN provider v ON v.id = a.provider_id
            WHERE a.patient_id = ? AND a.start_date = ? AND a.deleted_at IS NULL
            """, arguments: [patient.description, start.date.description])
            .map { (try AppointmentRecord(row: $0, at: 0).appointment, $0[AppointmentRecord.columnCount] as String) }
        return BookingRules.problems(
            start: start, minutes: minutes,
            templates: try weeklySchedule(of: provider, in: writer.db),
            exceptions: try scheduleExceptions(covering: start.date, provider: provider, in: writer.db),
            sameDay: try appointmentRecords(on: start.date, provider: provider, in: writer.db).map { try $0.appointment },
            patientSameDay: patientDay, ignoring: ignoring, now: try localNow(writer: writer)
        )
    }

    /// A slot with problems is booked only as an overbook: accepted by someone allowed to
    /// overbook, with a reason (commands acting for the system, such as the demo, are exempt).
    func overbookReason(_ accepting: Bool, reason: String, problems: [BookingProblem], author: Author) throws -> String? {
        guard !problems.isEmpty else { return nil }
        guard accepting else { throw StoreError.bookingRefused(problems) }
        guard let role = author.role else { return NameRule.tidy(reason).isEmpty ? nil : NameRule.tidy(reason) }
        guard role.may(.overbook) else { throw StoreError.notPermitted(role: role, permission: .overbook) }
        return try Reasons.required(reason, field: "overbook reason")
    }

    func activeAppointment(_ id: EntityID<Appointment>, in db: Database) throws -> AppointmentRecord {
        guard let record = try AppointmentRecord.fetchOne(db, key: id.description), record.deletedAt == nil else {
            throw StoreError.notFound(what: "appointment", id: id.description)
        }
        return record
    }

    func localNow(writer: ChangeWriter) throws -> LocalDateTime {
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
