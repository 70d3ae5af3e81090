import ClinicCore
import Foundation
import GRDB

/// A row of `schedule_template`; breaks are one JSON field, so they merge as a whole.
struct ScheduleTemplateRecord: SyncedRecord {
    static let databaseTableName = "schedule_template"

    var id: String
    var providerID: String
    var weekday: Int
    var startMinute: Int
    var endMinute: Int
    var breaks: String
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, weekday, breaks, hlc
        case providerID = "provider_id", startMinute = "start_minute", endMinute = "end_minute"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    /// The JSON text stored for a list of breaks.
    static func encode(breaks: [ScheduleBreak]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(breaks)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    var template: ScheduleTemplate? {
        get throws {
            guard let start = ClockTime(minuteOfDay: startMinute), let end = ClockTime(minuteOfDay: endMinute),
                  let hours = TimeRange(start: start, end: end)
            else { return nil }
            let list = (try? JSONDecoder().decode([ScheduleBreak].self, from: Data(breaks.utf8))) ?? []
            return ScheduleTemplate(id: try EntityID(stored: id), providerID: try EntityID(stored: providerID), weekday: weekday,
                                    hours: hours, breaks: list)
        }
    }
}

/// A row of `schedule_exception`.
struct ScheduleExceptionRecord: SyncedRecord {
    static let databaseTableName = "schedule_exception"

    var id: String
    var providerID: String?
    var kind: String
    var firstDay: String
    var lastDay: String
    var reason: String
    /// The part of each day taken, for a partial day; both nil for whole days.
    var startMinute: Int?
    var endMinute: Int?
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, kind, reason, hlc
        case providerID = "provider_id", firstDay = "first_day", lastDay = "last_day"
        case startMinute = "start_minute", endMinute = "end_minute"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    var exception: ScheduleException? {
        get throws {
            guard let first = CalendarDate(iso: firstDay), let last = CalendarDate(iso: lastDay),
                  let kind = ScheduleException.Kind(rawValue: kind)
            else { return nil }
            return ScheduleException(id: try EntityID(stored: id), providerID: providerID.flatMap(EntityID.init), kind: kind,
                                     firstDay: first, lastDay: last, reason: reason, hours: hours)
        }
    }

    /// The partial day's hours; nil for whole days (or a damaged pair).
    var hours: TimeRange? {
        guard let startMinute, let endMinute, let start = ClockTime(minuteOfDay: startMinute),
              let end = ClockTime(minuteOfDay: endMinute)
        else { return nil }
        return TimeRange(start: start, end: end)
    }
}
