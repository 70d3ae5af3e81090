public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Adds a provider who can be booked.
    @discardableResult
    public func createProvider(
        displayName: String, specialty: Specialty, defaultSlotMinutes: Int, userID: EntityID<User>? = nil,
        by author: Author
    ) throws(StoreError) -> Provider {
        try write(.manageSchedules, by: author) { writer in
            let name = NameRule.tidy(displayName)
            try ProviderRules.check(name: name, specialty: specialty, defaultSlotMinutes: defaultSlotMinutes)
            if let userID { try ProviderRules.checkLink(userID, for: nil, in: writer.db) }
            let provider = Provider(id: environment.ids.id(), displayName: name, specialty: specialty,
                                    defaultSlotMinutes: defaultSlotMinutes, userID: userID)
            var record = ProviderRecord(
                id: provider.id.description, displayName: name, specialty: NameRule.tidy(specialty.rawValue),
                defaultSlotMinutes: defaultSlotMinutes, userID: userID?.description,
                createdAt: ISOInstant.format(writer.now), hlc: "", originDevice: ""
            )
            try writer.insert(&record)
            try writer.audit("provider.create", ProviderRecord.self, record.id, "Added provider \(name) (\(specialty))")
            return provider
        }
    }

    /// Replaces a provider's weekly schedule: the old days are retired, the new ones written.
    @discardableResult
    public func setWeeklySchedule(
        provider providerID: EntityID<Provider>, days: [WorkingDay], by author: Author
    ) throws(StoreError) -> [ScheduleTemplate] {
        try write(.manageSchedules, by: author) { writer in
            let provider = try activeProvider(providerID, in: writer.db)
            try WeeklyScheduleRules.check(days)
            let existing = try ScheduleTemplateRecord
                .filter(Column("provider_id") == providerID.description && Column("deleted_at") == nil)
                .fetchAll(writer.db)
            for var old in existing {
                try writer.softDelete(&old, reason: "replaced by a new weekly schedule")
            }
            var templates: [ScheduleTemplate] = []
            for day in days.sorted(by: { $0.weekday < $1.weekday }) {
                let template = ScheduleTemplate(id: environment.ids.id(), providerID: providerID, weekday: day.weekday,
                                                hours: day.hours, breaks: day.breaks)
                var record = ScheduleTemplateRecord(
                    id: template.id.description, providerID: providerID.description, weekday: day.weekday,
                    startMinute: day.hours.start.minuteOfDay, endMinute: day.hours.end.minuteOfDay,
                    breaks: ScheduleTemplateRecord.encode(breaks: day.breaks), createdAt: ISOInstant.format(writer.now),
                    hlc: "", originDevice: ""
                )
                try writer.insert(&record)
                templates.append(template)
            }
            try writer.audit("schedule.set", ProviderRecord.self, provider.id.description,
                             "Set weekly schedule of \(provider.displayName): \(days.count) working day(s)")
            return templates
        }
    }

    /// Records a holiday (whole clinic when `providerID` is nil) or a provider's leave, for whole
    /// days or, with `hours`, for those hours of each day (a partial day). Appointments in that
    /// time stay booked: ``appointmentsCovered(by:)`` lists them for rebooking.
    @discardableResult
    public func addScheduleException(
        provider providerID: EntityID<Provider>?, kind: ScheduleException.Kind, firstDay: CalendarDate,
        lastDay: CalendarDate, hours: TimeRange? = nil, reason: String, by author: Author
    ) throws(StoreError) -> ScheduleException {
        try write(.manageSchedules, by: author) { writer in
            let reason = try Reasons.required(reason, field: "reason")
            guard firstDay <= lastDay else {
                throw ValidationFailure([FieldProblem(field: "days", message: "The last day \(lastDay) is before the first day \(firstDay).")])
            }
            guard lastDay.daysSinceEpoch - firstDay.daysSinceEpoch < 366 else {
                throw ValidationFailure([FieldProblem(field: "days", message: "\(firstDay)–\(lastDay) is more than a year: record it a year at a time.")])
            }
            let whose = try providerID.map { id throws in try activeProvider(id, in: writer.db).displayName } ?? "the clinic"
            let exception = ScheduleException(id: environment.ids.id(), providerID: providerID, kind: kind,
                                              firstDay: firstDay, lastDay: lastDay, reason: reason, hours: hours)
            var record = ScheduleExceptionRecord(
                id: exception.id.description, providerID: providerID?.description, kind: kind.rawValue,
                firstDay: firstDay.description, lastDay: lastDay.description, reason: reason,
                startMinute: hours?.start.minuteOfDay, endMinute: hours?.end.minuteOfDay,
                createdAt: ISOInstant.format(writer.now), hlc: "", originDevice: ""
            )
            try writer.insert(&record)
            try writer.audit("schedule.exception", ScheduleExceptionRecord.self, record.id,
                             "Added \(kind.rawValue) \(firstDay)–\(lastDay)\(hours.map { " \($0)" } ?? "") for \(whose): \(reason)")
            return exception
        }
    }

    func activeProvider(_ id: EntityID<Provider>, in db: Database) throws -> Provider {
        guard let record = try ProviderRecord.fetchOne(db, key: id.description), record.deletedAt == nil else {
            throw StoreError.notFound(what: "provider", id: id.description)
        }
        return try record.provider
    }
}

/// Checks a weekly schedule before it is saved.
enum WeeklyScheduleRules {
    static func check(_ days: [WorkingDay]) throws {
        var problems: [FieldProblem] = []
        var seen = Set<Int>()
        for day in days {
            if !(1...7).contains(day.weekday) {
                problems.append(FieldProblem(field: "weekday", message: "Weekday \(day.weekday) is not 1 (Monday) to 7 (Sunday)."))
            } else if !seen.insert(day.weekday).inserted {
                problems.append(FieldProblem(field: "weekday", message: "Weekday \(day.weekday) is listed twice."))
            }
            for pause in day.breaks where pause.range.start < day.hours.start || pause.range.end > day.hours.end {
                problems.append(FieldProblem(field: "breaks", message: "Break \(pause.label) \(pause.range) is outside the hours \(day.hours)."))
            }
            let sorted = day.breaks.sorted { $0.range.start < $1.range.start }
            for (first, second) in zip(sorted, sorted.dropFirst()) where first.range.overlaps(second.range) {
                problems.append(FieldProblem(field: "breaks", message: "Breaks \(first.label) and \(second.label) overlap."))
            }
        }
        guard problems.isEmpty else { throw ValidationFailure(problems) }
    }
}
