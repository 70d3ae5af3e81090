public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// The columns of a patient export: the import's own field names where there is one, so an
    /// exported file imports again as it is.
    public static let patientExportHeader = [
        "mrn", "family_name", "given_name", "sex", "birth_date", "birth_date_estimated", "phone", "alternate_phone", "address",
        "city", "region", "postal_code", "country", "emergency_name", "emergency_relationship", "emergency_phone", "id_type",
        "id_number", "allergy_status", "registered_at",
    ]

    /// Every active patient (registered between `from` and `to`, clinic days, when given), a row at
    /// a time in MRN order, without holding them all in memory; answers how many.
    public func exportPatients(registeredFrom from: CalendarDate?, to: CalendarDate?, _ row: ([String]) throws -> Void)
        throws(StoreError) -> Int
    {
        try read { db in
            var conditions = ["p.deleted_at IS NULL", "p.merged_into IS NULL"]
            var arguments: StatementArguments = []
            if let from {
                conditions.append("p.created_at >= ?")
                _ = arguments.append(contentsOf: [ISOInstant.format(Self.startOf(from, timeZone))])
            }
            if let to {
                conditions.append("p.created_at < ?")
                _ = arguments.append(contentsOf: [ISOInstant.format(Self.startOf(to.adding(days: 1), timeZone))])
            }
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT p.mrn, p.family_name, p.given_name, p.sex, p.birth_date, p.birth_date_estimated, p.phone, p.alternate_phone,
                       p.address_line, p.city, p.region, p.postal_code, p.country, p.emergency_name, p.emergency_relationship,
                       p.emergency_phone,
                       (SELECT i.kind FROM patient_identifier i WHERE i.patient_id = p.id AND i.deleted_at IS NULL ORDER BY i.created_at LIMIT 1),
                       (SELECT i.value FROM patient_identifier i WHERE i.patient_id = p.id AND i.deleted_at IS NULL ORDER BY i.created_at LIMIT 1),
                       p.allergy_status, p.created_at
                FROM patient p WHERE \(conditions.joined(separator: " AND ")) ORDER BY p.mrn
                """, arguments: arguments)
            var count = 0
            while let next = try cursor.next() {
                var cells = (0..<20).map { (next[$0] as String?) ?? "" }
                cells[5] = (next[5] as Bool?) == true ? "yes" : "no"
                if cells[3] == Sex.unknown.rawValue { cells[3] = "" }
                try row(cells)
                count += 1
            }
            return count
        }
    }

    public static let appointmentExportHeader = [
        "date", "time", "minutes", "provider", "patient_mrn", "patient_name", "kind", "mode", "status", "reason", "cancel_reason",
    ]

    /// The appointments from `from` to `to` (clinic days, both included), by day, time and provider.
    public func exportAppointments(from: CalendarDate, to: CalendarDate, _ row: ([String]) throws -> Void) throws(StoreError) -> Int {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT a.start_date, a.start_minute, a.minutes, v.display_name, p.mrn, p.family_name, p.given_name, a.kind, a.mode,
                       a.status, a.reason, a.cancel_reason
                FROM appointment a JOIN provider v ON v.id = a.provider_id JOIN patient p ON p.id = a.patient_id
                WHERE a.start_date BETWEEN ? AND ? AND a.deleted_at IS NULL
                ORDER BY a.start_date, a.start_minute, v.display_name
                """, arguments: [from.description, to.description])
            var count = 0
            while let next = try cursor.next() {
                let minute: Int = next[1]
                try row([
                    next[0], ClockTime(minuteOfDay: minute)?.description ?? "", "\(next[2] as Int)", next[3], next[4],
                    PatientDetails.displayName(familyName: next[5], givenName: next[6]), next[7], next[8], next[9], next[10],
                    (next[11] as String?) ?? "",
                ])
                count += 1
            }
            return count
        }
    }

    /// How many patients the clinic has (active ones).
    public func patientCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM patient WHERE deleted_at IS NULL") ?? 0 }
    }

    /// Audits a bulk export: who took which records out, to where, how many.
    public func recordExport(_ what: String, file: String, rows: Int, by author: Author) throws(StoreError) {
        try write(.exportRecords, by: author) { writer in
            try writer.audit("records.export", table: "patient", "", "Exported \(rows) \(what) to \(file)")
        }
    }

    static func startOf(_ day: CalendarDate, _ zone: TimeZone) -> Date {
        let local = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
        return local.addingTimeInterval(-Double(zone.secondsFromGMT(for: local)))
    }
}
