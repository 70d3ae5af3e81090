import ClinicCore
import Foundation
import GRDB

/// The double bookings sync revealed, kept as `double-booking` conflicts (DESIGN §6 rule 5): one
/// open conflict per clashing pair of appointments (``BookingClash``), `row_id` the appointment
/// that arrived or changed, `other_row_id` the one it clashes with, `field` `provider_id` or
/// `patient_id` for what they share. A conflict is settled by the write that ends the clash.
enum DoubleBookings {
    /// Records a conflict for each clash of appointment `id` that has none yet; returns how many.
    ///
    /// A pair is flagged once: not again while its conflict is open, nor after a person settled
    /// it (they saw both); only a pair whose earlier clash ended and that overlaps anew is flagged again.
    static func flag(_ id: String, in db: Database, ids: UUIDv7Generator, now: Date) throws -> Int {
        guard let record = try AppointmentRecord.fetchOne(db, key: id), record.deletedAt == nil else { return 0 }
        let appointment = try record.appointment
        guard BookingRules.holdsTime(appointment) else { return 0 }
        let others = try AppointmentRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM appointment
                WHERE start_date = ? AND id != ? AND deleted_at IS NULL AND (provider_id = ? OR patient_id = ?)
                  AND status NOT IN ('cancelled', 'no-show') AND start_minute < ? AND start_minute + minutes > ?
                """,
            arguments: [
                record.startDate, id, record.providerID, record.patientID,
                record.startMinute + max(1, record.minutes), record.startMinute,
            ])
        var flagged = 0
        for other in others {
            guard let clash = BookingClash(appointment, try other.appointment) else { continue }
            let known =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM sync_conflict WHERE kind = 'double-booking'
                          AND ((row_id = ? AND other_row_id = ?) OR (row_id = ? AND other_row_id = ?))
                          AND (resolved_at IS NULL OR settled_automatically = 0))
                        """, arguments: [id, other.id, other.id, id]) ?? false
            guard !known else { continue }
            try db.execute(
                sql: """
                    INSERT INTO sync_conflict (id, kind, table_name, row_id, other_row_id, field, local_value, local_hlc,
                      remote_value, remote_hlc, shown_value, detected_at)
                    VALUES (?, 'double-booking', 'appointment', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    ids.next().lowercased, id, other.id, clash.kind == .provider ? "provider_id" : "patient_id",
                    FieldValue.text(try describe(other, in: db)).jsonText, other.hlc,
                    FieldValue.text(try describe(record, in: db)).jsonText, record.hlc,
                    FieldValue.text("both booked — move one").jsonText, ISOInstant.format(now),
                ])
            flagged += 1
        }
        return flagged
    }

    /// Settles each open double booking of appointment `id` whose pair no longer clashes (moved
    /// apart, cancelled, a no-show, removed, or now an overbook with its reason), saying why;
    /// returns what was settled, in words.
    static func settle(involving id: String, by author: String, in db: Database, now: Date) throws -> [String] {
        let open = try Row.fetchAll(
            db,
            sql: """
                SELECT id, row_id, other_row_id FROM sync_conflict
                WHERE kind = 'double-booking' AND resolved_at IS NULL AND (row_id = ? OR other_row_id = ?)
                """, arguments: [id, id])
        guard !open.isEmpty, let changed = try AppointmentRecord.fetchOne(db, key: id) else { return [] }
        var settled: [String] = []
        for conflict in open {
            let rowID: String = conflict["row_id"]
            let pairedID: String? = conflict["other_row_id"]
            guard let otherID = rowID == id ? pairedID : rowID,
                let other = try AppointmentRecord.fetchOne(db, key: otherID)
            else { continue }
            let clash = BookingClash(try changed.appointment, try other.appointment)
            guard changed.deletedAt != nil || other.deletedAt != nil || clash == nil else { continue }
            let why = try reason(changed: changed, other: other, in: db)
            try db.execute(
                sql: """
                    UPDATE sync_conflict SET resolved_at = ?, resolved_by = ?, resolution = ?, settled_automatically = 1 WHERE id = ?
                    """, arguments: [ISOInstant.format(now), author, why, conflict["id"] as String])
            settled.append(why)
        }
        return settled
    }

    /// Why a pair stopped clashing, in words, naming the appointment that changed.
    private static func reason(changed: AppointmentRecord, other: AppointmentRecord, in db: Database) throws -> String {
        let settled = "Settled the double booking with \(try describe(other, in: db))"
        let (patient, provider) = try names(of: changed, in: db)
        if changed.deletedAt != nil { return "\(settled): \(patient)'s appointment was removed." }
        if other.deletedAt != nil { return "\(settled): that appointment was removed." }
        switch AppointmentStatus(rawValue: changed.status) {
        case .cancelled?:
            return "\(settled): \(patient)'s appointment was cancelled"
                + (changed.cancelReason.map { " (\($0))" } ?? "") + "."
        case .noShow?:
            return "\(settled): \(patient) did not come (no-show)."
        default:
            break
        }
        if !BookingRules.holdsTime(try other.appointment) {
            return "\(settled): that appointment no longer holds its time."
        }
        let later = changed.id > other.id ? changed : other
        if let reason = later.overbookReason, !reason.isEmpty {
            return "\(settled): both kept as an overbook (\(reason))."
        }
        return
            "\(settled): \(patient)'s appointment is now \(changed.startDate) \(time(changed)) with \(provider); they no longer overlap."
    }

    /// "2026-11-23 09:00 (15 min) Smith, John with Dr Haddad".
    static func describe(_ record: AppointmentRecord, in db: Database) throws -> String {
        let (patient, provider) = try names(of: record, in: db)
        return "\(record.startDate) \(time(record)) (\(record.minutes) min) \(patient) with \(provider)"
    }

    private static func time(_ record: AppointmentRecord) -> String {
        ClockTime(minuteOfDay: record.startMinute).map(\.description) ?? "minute \(record.startMinute)"
    }

    /// The patient's name ("Smith, John") and the provider's, as the book shows them.
    private static func names(of record: AppointmentRecord, in db: Database) throws -> (
        patient: String, provider: String
    ) {
        let patient =
            try Row.fetchOne(
                db, sql: "SELECT family_name, given_name FROM patient WHERE id = ?", arguments: [record.patientID]
            )
            .map { "\($0["family_name"] as String), \($0["given_name"] as String)" } ?? "patient \(record.patientID)"
        let provider =
            try String.fetchOne(
                db, sql: "SELECT display_name FROM provider WHERE id = ?", arguments: [record.providerID])
            ?? "provider \(record.providerID)"
        return (patient, provider)
    }
}

extension ChangeWriter {
    /// Settles the double bookings that this write to appointment `id` ended (see
    /// ``DoubleBookings/settle(involving:by:in:now:)``), by this write's author; returns the audit
    /// summary with what was settled added.
    func settlingDoubleBookings(of id: String, summary: String) throws -> String {
        let settled = try DoubleBookings.settle(involving: id, by: author.name, in: db, now: now)
        return settled.isEmpty ? summary : ([summary + "."] + settled).joined(separator: " ")
    }
}
