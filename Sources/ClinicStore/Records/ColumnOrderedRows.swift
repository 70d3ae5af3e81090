import ClinicCore
import Foundation
import GRDB

/// Rows read by position. GRDB finds a column by name by lowercasing the names it compares on
/// every access, and the Codable decoder does that for each of a row's fields: that was most of
/// loading a day's book (about 700 rows at 30 providers) and of reading the queue in each of
/// thirty terminals after every check-in. The hot reads name the columns in a record's order and
/// decode them by index instead.
protocol ColumnOrdered {
    /// The table's columns, in the order ``init(row:at:)`` reads them.
    static var columnNames: [String] { get }
    /// A row whose columns from `offset` are those of ``columns(_:)``.
    init(row: Row, at offset: Int)
}

extension ColumnOrdered {
    /// How many columns ``columns(_:)`` selects; joined columns that follow start here.
    static var columnCount: Int { columnNames.count }

    /// The select list for the table under `alias`, e.g. `a.id, a.patient_id, …`.
    static func columns(_ alias: String) -> String {
        columnNames.map { "\(alias).\($0)" }.joined(separator: ", ")
    }
}

extension AppointmentRecord: ColumnOrdered {
    static let columnNames = [
        "id", "patient_id", "provider_id", "start_date", "start_minute", "minutes", "kind", "mode", "status",
        "reason", "cancel_reason", "follow_up_id", "series_id", "overbook_reason", "created_at", "deleted_at",
        "delete_reason", "hlc", "origin_device",
    ]

    init(row: Row, at offset: Int) {
        self.init(
            id: row[offset], patientID: row[offset + 1], providerID: row[offset + 2], startDate: row[offset + 3],
            startMinute: row[offset + 4], minutes: row[offset + 5], kind: row[offset + 6], mode: row[offset + 7],
            status: row[offset + 8], reason: row[offset + 9], cancelReason: row[offset + 10],
            followUpID: row[offset + 11], seriesID: row[offset + 12], overbookReason: row[offset + 13],
            createdAt: row[offset + 14], deletedAt: row[offset + 15], deleteReason: row[offset + 16],
            hlc: row[offset + 17], originDevice: row[offset + 18])
    }
}

extension VisitRecord: ColumnOrdered {
    static let columnNames = [
        "id", "patient_id", "appointment_id", "provider_id", "day", "arrived_at", "priority", "status", "room", "called_by",
        "called_at", "finished_at", "ticket", "station", "outcome", "created_at", "deleted_at", "delete_reason", "hlc",
        "origin_device",
    ]

    init(row: Row, at offset: Int) {
        self.init(
            id: row[offset], patientID: row[offset + 1], appointmentID: row[offset + 2], providerID: row[offset + 3],
            day: row[offset + 4], arrivedAt: row[offset + 5], priority: row[offset + 6], status: row[offset + 7],
            room: row[offset + 8], calledBy: row[offset + 9], calledAt: row[offset + 10], finishedAt: row[offset + 11],
            ticket: row[offset + 12], station: row[offset + 13], outcome: row[offset + 14], createdAt: row[offset + 15],
            deletedAt: row[offset + 16], deleteReason: row[offset + 17], hlc: row[offset + 18], originDevice: row[offset + 19])
    }
}

extension ScheduleEntry {
    /// The select list for an appointment `a` with its patient `p` and provider `v`, in the order
    /// ``init(row:)`` reads.
    static let columns = AppointmentRecord.columns("a") + ", p.family_name, p.given_name, p.mrn, v.display_name"

    /// An entry from a row selected with ``columns``.
    init(row: Row) throws {
        let names = AppointmentRecord.columnCount
        self.init(
            appointment: try AppointmentRecord(row: row, at: 0).appointment,
            patientName: PatientDetails.displayName(familyName: row[names], givenName: row[names + 1]),
            patientMRN: MRN(row[names + 2] as String) ?? MRN(prefix: "XX", serial: 0),
            providerName: row[names + 3])
    }
}
