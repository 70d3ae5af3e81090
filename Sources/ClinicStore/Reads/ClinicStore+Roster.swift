public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Every provider with their weekly hours, linked user and own leave ending on or after
    /// `first`; the clinic's holidays from then; and the active staff a provider can be linked to.
    public func providerRoster(from first: CalendarDate) throws(StoreError) -> ProviderRoster {
        try read { db in
            let users = try UserRecord.filter(Column("deleted_at") == nil).order(Column("username")).fetchAll(db).map { try $0.user }
            let exceptions = try ScheduleExceptionRecord
                .filter(Column("last_day") >= first.description && Column("deleted_at") == nil)
                .order(Column("first_day"), Column("start_minute"), Column("id"))
                .fetchAll(db).compactMap { try $0.exception }
            let templates = try ScheduleTemplateRecord.filter(Column("deleted_at") == nil)
                .order(Column("weekday"), Column("start_minute")).fetchAll(db).compactMap { try $0.template }
            let providers = try ProviderRecord.filter(Column("deleted_at") == nil).order(Column("display_name"), Column("id"))
                .fetchAll(db).map { try $0.provider }
            let schedules = providers.map { provider in
                ProviderSchedule(provider: provider, linkedUser: provider.userID.flatMap { id in users.first { $0.id == id } },
                                 week: templates.filter { $0.providerID == provider.id },
                                 leave: exceptions.filter { $0.providerID == provider.id })
            }
            return ProviderRoster(providers: schedules, holidays: exceptions.filter { $0.providerID == nil },
                                  users: users.filter(\.isActive))
        }
    }

    /// The appointments still to happen in the time a holiday or leave takes away (its
    /// provider's, or every provider's for a clinic holiday), soonest first. They stay booked:
    /// this is the list to rebook from, with the patients' names.
    public func appointmentsCovered(by id: EntityID<ScheduleException>) throws(StoreError) -> [ScheduleEntry] {
        try read { db in
            guard let record = try ScheduleExceptionRecord.fetchOne(db, key: id.description), record.deletedAt == nil,
                  let exception = try record.exception
            else { throw StoreError.notFound(what: "holiday or leave", id: id.description) }
            var sql = """
                SELECT \(ScheduleEntry.columns)
                FROM appointment a
                JOIN patient p ON p.id = a.patient_id
                JOIN provider v ON v.id = a.provider_id
                WHERE a.start_date BETWEEN ? AND ? AND a.deleted_at IS NULL AND a.status IN ('booked', 'confirmed')
                """
            var arguments: StatementArguments = [exception.firstDay.description, exception.lastDay.description]
            if let provider = exception.providerID {
                sql += " AND a.provider_id = ?"
                arguments += [provider.description]
            }
            sql += " ORDER BY a.start_date, a.start_minute, v.display_name, a.id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(ScheduleEntry.init(row:))
                .filter { exception.covers($0.appointment) }
        }
    }
}
