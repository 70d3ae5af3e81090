public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// The appointment book for `date`: every provider's hours, leave and bookings that day.
    public func appointmentBook(on date: CalendarDate) throws(StoreError) -> AppointmentBook {
        try read { db in
            let providers = try ProviderRecord.filter(Column("deleted_at") == nil).order(Column("display_name"))
                .fetchAll(db).map { try $0.provider }
            let templates = try ScheduleTemplateRecord.filter(Column("weekday") == date.isoWeekday && Column("deleted_at") == nil)
                .fetchAll(db).compactMap { try $0.template }
            let exceptions = try scheduleExceptions(covering: date, provider: nil, in: db)
            let entries = try scheduleEntries(on: date, in: db)
            let booked = Dictionary(grouping: entries.lazy.map(\.appointment), by: \.providerID)
            let days = providers.map { provider in
                ProviderDay(provider: provider, templates: templates.filter { $0.providerID == provider.id },
                            exceptions: exceptions.filter { $0.providerID == nil || $0.providerID == provider.id },
                            appointments: booked[provider.id] ?? [])
            }
            return AppointmentBook(date: date, days: days, entries: entries)
        }
    }

    /// A provider's days from `first` for `days` days: hours, leave and bookings, to find free slots in.
    public func providerDays(_ provider: EntityID<Provider>, from first: CalendarDate, days: Int) throws(StoreError) -> ProviderDay {
        try read { db in
            let last = first.adding(days: max(0, days - 1))
            let exceptions = try ScheduleExceptionRecord.filter(
                Column("last_day") >= first.description && Column("first_day") <= last.description && Column("deleted_at") == nil
                    && (Column("provider_id") == nil || Column("provider_id") == provider.description)
            ).fetchAll(db).compactMap { try $0.exception }
            let appointments = try Row.fetchCursor(db, sql: """
                SELECT \(AppointmentRecord.columns("a")) FROM appointment a
                WHERE a.provider_id = ? AND a.start_date BETWEEN ? AND ? AND a.deleted_at IS NULL
                """, arguments: [provider.description, first.description, last.description])
                .map { try AppointmentRecord(row: $0, at: 0).appointment }
            let booked = try Array(appointments)
            return ProviderDay(provider: try activeProvider(provider, in: db), templates: try weeklySchedule(of: provider, in: db),
                               exceptions: exceptions, appointments: booked)
        }
    }

    /// The patient's most recent appointment that has started and was kept (not cancelled or
    /// missed), with names: whom they usually see, and what a follow-up follows.
    public func lastAppointment(of patient: EntityID<Patient>) throws(StoreError) -> ScheduleEntry? {
        let now = localNow()
        return try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT \(ScheduleEntry.columns)
                FROM appointment a JOIN patient p ON p.id = a.patient_id JOIN provider v ON v.id = a.provider_id
                WHERE a.patient_id = ? AND a.deleted_at IS NULL AND a.status NOT IN ('cancelled', 'no-show')
                  AND (a.start_date < ? OR (a.start_date = ? AND a.start_minute <= ?))
                ORDER BY a.start_date DESC, a.start_minute DESC LIMIT 1
                """, arguments: [patient.description, now.date.description, now.date.description, now.time.minuteOfDay])
            return try row.map(ScheduleEntry.init(row:))
        }
    }

    /// The day's appointments by time, then provider, with patient and provider names.
    func scheduleEntries(on day: CalendarDate, in db: Database) throws -> [ScheduleEntry] {
        // A cursor reads each row straight from the statement (no copied row per appointment),
        // and the rows are put in order here: SQLite sorting the wide rows cost more than the read.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(ScheduleEntry.columns)
            FROM appointment a
            JOIN patient p ON p.id = a.patient_id
            JOIN provider v ON v.id = a.provider_id
            WHERE a.start_date = ? AND a.deleted_at IS NULL
            """, arguments: [day.description])
        let entries = try Array(rows.map(ScheduleEntry.init(row:)))
        // Sorted by keys taken once (time, provider, id), not by comparing whole entries.
        let keys = entries.map { ($0.appointment.start.time.minuteOfDay, $0.providerName, $0.appointment.id.description) }
        return entries.indices.sorted { keys[$0] < keys[$1] }.map { entries[$0] }
    }
}
