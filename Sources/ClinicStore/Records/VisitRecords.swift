import ClinicCore
import Foundation
import GRDB

/// A row of `appointment`.
struct AppointmentRecord: SyncedRecord {
    static let databaseTableName = "appointment"

    var id: String
    var patientID: String
    var providerID: String
    var startDate: String
    var startMinute: Int
    var minutes: Int
    var kind: String
    var mode: String
    var status: String
    var reason: String
    var cancelReason: String?
    var followUpID: String?
    var seriesID: String?
    var overbookReason: String?
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, minutes, kind, mode, status, reason, hlc
        case patientID = "patient_id", providerID = "provider_id", startDate = "start_date"
        case startMinute = "start_minute", cancelReason = "cancel_reason", followUpID = "follow_up_id"
        case seriesID = "series_id", overbookReason = "overbook_reason"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    /// Copies the appointment's fields into the row.
    mutating func apply(_ appointment: Appointment) {
        patientID = appointment.patientID.description
        providerID = appointment.providerID.description
        startDate = appointment.start.date.description
        startMinute = appointment.start.time.minuteOfDay
        minutes = appointment.minutes
        kind = appointment.kind.rawValue
        mode = appointment.mode.rawValue
        status = appointment.status.rawValue
        reason = appointment.reason
        cancelReason = appointment.cancelReason
        followUpID = appointment.followUpID?.description
        seriesID = appointment.seriesID?.description
        overbookReason = appointment.overbookReason
    }

    var appointment: Appointment {
        get throws {
            Appointment(
                id: try EntityID(stored: id), patientID: try EntityID(stored: patientID), providerID: try EntityID(stored: providerID),
                start: LocalDateTime(date: CalendarDate(iso: startDate) ?? CalendarDate(daysSinceEpoch: 0),
                                     time: ClockTime(minuteOfDay: startMinute) ?? ClockTime(hour: 0, minute: 0)!),
                minutes: minutes, kind: AppointmentKind(rawValue: kind) ?? .new,
                mode: AppointmentMode(rawValue: mode) ?? .inPerson,
                status: AppointmentStatus(rawValue: status) ?? .booked, reason: reason,
                cancelReason: cancelReason, followUpID: followUpID.flatMap(EntityID.init),
                seriesID: seriesID.flatMap(EntityID.init), overbookReason: overbookReason
            )
        }
    }
}

/// A row of `visit` (the queue).
struct VisitRecord: SyncedRecord {
    static let databaseTableName = "visit"

    var id: String
    var patientID: String
    var appointmentID: String?
    var providerID: String?
    var day: String
    var arrivedAt: String
    var priority: String
    var status: String
    var room: String?
    var calledBy: String?
    var calledAt: String?
    var finishedAt: String?
    var ticket: Int = 0
    var station: String?
    var outcome: String?
    var createdAt: String
    var deletedAt: String?
    var deleteReason: String?
    var hlc: String
    var originDevice: String

    enum CodingKeys: String, CodingKey {
        case id, day, priority, status, room, hlc, ticket, station, outcome
        case patientID = "patient_id", appointmentID = "appointment_id", providerID = "provider_id"
        case arrivedAt = "arrived_at", calledBy = "called_by", calledAt = "called_at", finishedAt = "finished_at"
        case createdAt = "created_at", deletedAt = "deleted_at", deleteReason = "delete_reason"
        case originDevice = "origin_device"
    }

    mutating func apply(_ visit: Visit) {
        patientID = visit.patientID.description
        appointmentID = visit.appointmentID?.description
        providerID = visit.providerID?.description
        day = visit.day.description
        arrivedAt = ISOInstant.format(visit.arrivedAt)
        priority = visit.priority.rawValue
        status = visit.status.rawValue
        room = visit.room
        calledBy = visit.calledBy?.description
        calledAt = visit.calledAt.map(ISOInstant.format)
        finishedAt = visit.finishedAt.map(ISOInstant.format)
        ticket = visit.ticket
        station = visit.station
        outcome = visit.outcome?.rawValue
    }

    var visit: Visit {
        get throws {
            Visit(
                id: try EntityID(stored: id), patientID: try EntityID(stored: patientID), appointmentID: appointmentID.flatMap(EntityID.init),
                providerID: providerID.flatMap(EntityID.init), day: CalendarDate(iso: day) ?? CalendarDate(daysSinceEpoch: 0),
                arrivedAt: ISOInstant.parse(arrivedAt) ?? Date(timeIntervalSince1970: 0),
                priority: QueuePriority(rawValue: priority) ?? .normal, status: QueueStatus(rawValue: status) ?? .waiting,
                room: room, calledBy: calledBy.flatMap(EntityID.init), calledAt: calledAt.flatMap(ISOInstant.parse),
                finishedAt: finishedAt.flatMap(ISOInstant.parse), ticket: ticket, station: station,
                outcome: outcome.flatMap(VisitOutcome.init(rawValue:))
            )
        }
    }
}
