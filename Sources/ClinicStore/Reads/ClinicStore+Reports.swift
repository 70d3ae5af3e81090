public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Appointment counts by provider and status from `from` to `to` (clinic days, both included);
    /// for one provider when given. Appointments still to come are left out (they are neither kept
    /// nor missed yet). Feeds ``Reports/noShows(_:)``.
    public func appointmentCounts(from: CalendarDate, to: CalendarDate, provider: EntityID<Provider>? = nil)
        throws(StoreError) -> [(provider: String, status: AppointmentStatus, count: Int)]
    {
        let now = localNow()
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT v.display_name, a.status, count(*) FROM appointment a JOIN provider v ON v.id = a.provider_id
                WHERE a.start_date BETWEEN ? AND ? AND a.deleted_at IS NULL \(provider == nil ? "" : "AND a.provider_id = ?")
                  AND NOT (a.status IN ('booked', 'confirmed') AND (a.start_date > ? OR (a.start_date = ? AND a.start_minute >= ?)))
                GROUP BY v.display_name, a.status
                """, arguments: StatementArguments([from.description, to.description] + (provider.map { [$0.description] } ?? [])
                    + [now.date.description, now.date.description, now.time.minuteOfDay]))
            return rows.compactMap { row in
                AppointmentStatus(rawValue: row[1]).map { (provider: row[0] as String, status: $0, count: row[2] as Int) }
            }
        }
    }

    /// Each visit's waits in whole minutes, from `from` to `to`: check-in → called (or → seen,
    /// for a patient taken straight in), and called → done. Feeds ``Reports/waitingTimes(_:)``.
    public func visitTimes(from: CalendarDate, to: CalendarDate, provider: EntityID<Provider>? = nil)
        throws(StoreError) -> [Reports.VisitTimes]
    {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT coalesce(v.display_name, 'any provider'), s.day, s.arrived_at, s.called_at, s.finished_at, s.status
                FROM visit s LEFT JOIN provider v ON v.id = s.provider_id
                WHERE s.day BETWEEN ? AND ? AND s.deleted_at IS NULL \(provider == nil ? "" : "AND s.provider_id = ?")
                """, arguments: StatementArguments([from.description, to.description] + (provider.map { [$0.description] } ?? [])))
            var times: [Reports.VisitTimes] = []
            while let row = try cursor.next() {
                guard let day = CalendarDate(iso: row[1]), let arrived = ISOInstant.parse(row[2]) else { continue }
                let called = (row[3] as String?).flatMap(ISOInstant.parse)
                let finished = (row[4] as String?).flatMap(ISOInstant.parse)
                let left = (row[5] as String) == QueueStatus.left.rawValue
                let minutes = { (from: Date, to: Date) in max(0, Int(to.timeIntervalSince(from) / 60)) }
                times.append(Reports.VisitTimes(
                    provider: row[0], day: day,
                    waited: left ? nil : called.map { minutes(arrived, $0) } ?? finished.map { minutes(arrived, $0) },
                    seen: left ? nil : called.flatMap { start in finished.map { minutes(start, $0) } }))
            }
            return times
        }
    }

    /// Each provider's booked minutes (appointments not cancelled) against the minutes of their
    /// working hours (templates, less breaks, leave and closures) from `from` to `to`.
    public func utilisation(from: CalendarDate, to: CalendarDate, provider: EntityID<Provider>? = nil)
        throws(StoreError) -> [Reports.UtilisationLine]
    {
        try read { db in
            var providers = try ProviderRecord.filter(Column("deleted_at") == nil).fetchAll(db).map { try $0.provider }
            if let provider { providers = providers.filter { $0.id == provider } }
            let exceptions = try ScheduleExceptionRecord.filter(
                Column("first_day") <= to.description && Column("last_day") >= from.description && Column("deleted_at") == nil
            ).fetchAll(db).compactMap { try $0.exception }
            let days = try providers.map { provider in
                ProviderDay(provider: provider, templates: try weeklySchedule(of: provider.id, in: db),
                            exceptions: exceptions.filter { $0.providerID == nil || $0.providerID == provider.id }, appointments: [])
            }
            var booked: [EntityID<Provider>: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT provider_id, sum(minutes) FROM appointment
                WHERE start_date BETWEEN ? AND ? AND deleted_at IS NULL AND status != 'cancelled' GROUP BY provider_id
                """, arguments: [from.description, to.description]) {
                booked[try EntityID(stored: row[0] as String)] = row[1]
            }
            return Reports.utilisation(days, from: from, to: to, booked: booked)
        }
    }

    /// The clinic day each patient registered from `from` to `to` was registered on.
    public func registrationDays(from: CalendarDate, to: CalendarDate) throws(StoreError) -> [CalendarDate] {
        try read { db in
            let start = ISOInstant.format(from.start(in: timeZone))
            let end = ISOInstant.format(to.adding(days: 1).start(in: timeZone))
            let cursor = try String.fetchCursor(db, sql: """
                SELECT created_at FROM patient WHERE created_at >= ? AND created_at < ? AND deleted_at IS NULL
                """, arguments: [start, end])
            var days: [CalendarDate] = []
            while let text = try cursor.next() {
                if let instant = ISOInstant.parse(text) { days.append(CalendarDate.today(clock: .fixed(instant), timeZone: timeZone)) }
            }
            return days
        }
    }
}
