public import ClinicCore
import Foundation
import GRDB

/// Moving an appointment, no-shows, series, and the waitlist: each one write with its change
/// rows and audit event.
extension ClinicStore {
    /// Moves an appointment to another time, length or provider with the same checks as booking;
    /// it keeps its id and history, and the audit says from where to where.
    @discardableResult
    public func moveAppointment(
        _ id: EntityID<Appointment>, to start: LocalDateTime, provider: EntityID<Provider>? = nil, minutes: Int? = nil,
        acceptingProblems: Bool = false, overbookReason: String = "", by author: Author
    ) throws(StoreError) -> Appointment {
        try write(.bookAppointment, by: author) { writer in
            let old = try activeAppointment(id, in: writer.db)
            var appointment = try old.appointment
            guard appointment.status == .booked || appointment.status == .confirmed else {
                throw ValidationFailure([FieldProblem(field: "appointment", message: "Only a booked or confirmed appointment can be moved; this one is \(appointment.status).")])
            }
            let providerID = provider ?? appointment.providerID
            let newProvider = try activeProvider(providerID, in: writer.db)
            let oldProvider = try activeProvider(appointment.providerID, in: writer.db)
            let length = minutes ?? (provider == nil ? appointment.minutes : newProvider.defaultSlotMinutes)
            let problems = try bookingProblems(patient: appointment.patientID, provider: providerID, start: start, minutes: length,
                                               ignoring: id, writer: writer)
            let reason = try self.overbookReason(acceptingProblems, reason: overbookReason, problems: problems, author: author)
            let from = "\(appointment.start) with \(oldProvider.displayName)"
            appointment.start = start
            appointment.providerID = providerID
            appointment.minutes = length
            appointment.overbookReason = reason
            var record = old
            record.apply(appointment)
            try writer.update(&record, from: old)
            let summary = try writer.settlingDoubleBookings(
                of: record.id, summary: "Moved from \(from) to \(start) with \(newProvider.displayName)")
            try writer.audit("appointment.move", AppointmentRecord.self, record.id, summary, patient: record.patientID)
            return appointment
        }
    }

    /// The problems of each appointment a series would book, for the person to skip or move
    /// them before saving.
    public func checkSeries(_ request: BookingRequest, rule: RecurrenceRule) throws(StoreError) -> [SeriesOccurrence] {
        if let problem = rule.problem { throw .invalid(ValidationFailure([FieldProblem(field: "series", message: problem)])) }
        return try read { db in
            let provider = try activeProvider(request.providerID, in: db)
            let minutes = request.minutes ?? provider.defaultSlotMinutes
            let templates = try weeklySchedule(of: request.providerID, in: db)
            let occurrences = rule.occurrences(from: request.start)
            guard let first = occurrences.first, let last = occurrences.last else { return [] }
            let exceptions = try ScheduleExceptionRecord.filter(
                Column("last_day") >= first.date.description && Column("first_day") <= last.date.description && Column("deleted_at") == nil
                    && (Column("provider_id") == nil || Column("provider_id") == request.providerID.description)
            ).fetchAll(db).compactMap { try $0.exception }
            // Only the occurrences' days: a year-long series reads 52 days, not the year between.
            let days = Array(Set(occurrences.map(\.date.description))).sorted()
            let marks = days.map { _ in "?" }.joined(separator: ", ")
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(AppointmentRecord.columns("a")), v.display_name FROM appointment a JOIN provider v ON v.id = a.provider_id
                WHERE a.provider_id = ? AND a.start_date IN (\(marks)) AND a.deleted_at IS NULL
                UNION ALL
                SELECT \(AppointmentRecord.columns("a")), v.display_name FROM appointment a JOIN provider v ON v.id = a.provider_id
                WHERE a.patient_id = ? AND a.provider_id != ? AND a.start_date IN (\(marks)) AND a.deleted_at IS NULL
                """, arguments: StatementArguments([request.providerID.description] + days + [request.patientID.description,
                                                    request.providerID.description] + days))
            var providerDays: [CalendarDate: [Appointment]] = [:]
            var patientDays: [CalendarDate: [(Appointment, String)]] = [:]
            while let row = try rows.next() {
                let appointment = try AppointmentRecord(row: row, at: 0).appointment
                if appointment.providerID == request.providerID { providerDays[appointment.start.date, default: []].append(appointment) }
                if appointment.patientID == request.patientID {
                    patientDays[appointment.start.date, default: []].append((appointment, row[AppointmentRecord.columnCount]))
                }
            }
            let now = localNow()
            return occurrences.map { start in
                SeriesOccurrence(start: start, problems: BookingRules.problems(
                    start: start, minutes: minutes, templates: templates, exceptions: exceptions.filter { $0.covers(start.date) },
                    sameDay: providerDays[start.date] ?? [], patientSameDay: patientDays[start.date] ?? [], now: now))
            }
        }
    }

    /// Books a series in one write: the starts given (occurrences with problems already skipped
    /// or moved by the person), linked by one series id. Any start that still has problems refuses the whole series.
    @discardableResult
    public func bookSeries(_ request: BookingRequest, starts: [LocalDateTime], by author: Author) throws(StoreError) -> [Appointment] {
        guard (2...RecurrenceRule.maximumOccurrences).contains(starts.count) else {
            throw .invalid(ValidationFailure([FieldProblem(field: "series", message: "A series has 2 to \(RecurrenceRule.maximumOccurrences) appointments.")]))
        }
        return try write(.bookAppointment, by: author) { writer in
            let series = EntityID<AppointmentSeries>(environment.ids.next())
            var booked: [Appointment] = []
            for start in starts.sorted() {
                var one = request
                one.start = start
                one.seriesID = series
                one.acceptingProblems = false
                do {
                    booked.append(try insertAppointment(one, writer: &writer))
                } catch let StoreError.bookingRefused(problems) {
                    throw StoreError.invalid(ValidationFailure([FieldProblem(
                        field: "series", message: "Not booked: \(start) — " + problems.map(\.description).joined(separator: " "))]))
                }
            }
            try writer.audit("appointment.series", AppointmentRecord.self, booked[0].id.description,
                             "Booked a series of \(booked.count) from \(booked[0].start) to \(booked[booked.count - 1].start)",
                             patient: request.patientID.description)
            return booked
        }
    }

    /// Cancels an appointment of a series and every later one still booked or confirmed.
    @discardableResult
    public func cancelSeries(from id: EntityID<Appointment>, reason: String, by author: Author) throws(StoreError) -> [Appointment] {
        try write(.bookAppointment, by: author) { writer in
            let reason = try Reasons.required(reason, field: "reason")
            let first = try activeAppointment(id, in: writer.db)
            guard let series = first.seriesID else {
                throw ValidationFailure([FieldProblem(field: "series", message: "This appointment is not part of a series.")])
            }
            let later = try AppointmentRecord.filter(Column("series_id") == series && Column("deleted_at") == nil
                                                     && Column("start_date") >= first.startDate)
                .fetchAll(writer.db).filter { $0.startDate > first.startDate || $0.startMinute >= first.startMinute }
            var cancelled: [Appointment] = []
            for old in later where old.status == AppointmentStatus.booked.rawValue || old.status == AppointmentStatus.confirmed.rawValue {
                var record = old
                let next = try AppointmentStatusMachine.apply(.cancel(reason: reason), to: try old.appointment)
                record.apply(next)
                try writer.update(&record, from: old)
                cancelled.append(next)
            }
            var summary = "Cancelled \(cancelled.count) appointment\(cancelled.count == 1 ? "" : "s") of the series from \(first.startDate): \(reason)"
            for appointment in cancelled {
                summary = try writer.settlingDoubleBookings(of: appointment.id.description, summary: summary)
            }
            try writer.audit("appointment.cancel-series", AppointmentRecord.self, first.id, summary, patient: first.patientID)
            return cancelled
        }
    }

    /// Clock time now in the clinic (for rules that compare with "now").
    func localNow() -> LocalDateTime {
        let now = environment.clock.now()
        let seconds = Int(now.timeIntervalSince1970) + timeZone.secondsFromGMT(for: now)
        let day = CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        return LocalDateTime(date: day, time: ClockTime(minuteOfDay: ((seconds % 86_400) + 86_400) % 86_400 / 60)!)
    }
}
