public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// The double bookings on `date` that sync revealed and are still open, in the order of the
    /// earlier start of each pair: what the book lists as "clash — move one" to resolve.
    ///
    /// ``BookingClash/all(in:)`` over the day's appointments finds every clash, including ones
    /// booked on this device by the system without a reason; this lists the conflicts to settle.
    public func openBookingClashes(on date: CalendarDate) throws(StoreError) -> [OpenBookingClash] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.detected_at, a.id AS one, o.id AS other
                    FROM sync_conflict c
                    JOIN appointment a ON a.id = c.row_id
                    JOIN appointment o ON o.id = c.other_row_id
                    WHERE c.kind = 'double-booking' AND c.resolved_at IS NULL AND a.start_date = ? AND o.start_date = ?
                      AND a.deleted_at IS NULL AND o.deleted_at IS NULL
                    """, arguments: [date.description, date.description])
            var found: [(start: Int, open: OpenBookingClash)] = []
            for row in rows {
                guard let one = try AppointmentRecord.fetchOne(db, key: row["one"] as String),
                    let other = try AppointmentRecord.fetchOne(db, key: row["other"] as String),
                    let clash = BookingClash(try one.appointment, try other.appointment)
                else { continue }
                let open = OpenBookingClash(
                    id: try UUID(stored: row["id"]), clash: clash,
                    detectedAt: ISOInstant.parse(row["detected_at"]) ?? Date(timeIntervalSince1970: 0))
                found.append((min(one.startMinute, other.startMinute), open))
            }
            return found.sorted {
                ($0.start, $0.open.clash.earlier, $0.open.clash.later) < (
                    $1.start, $1.open.clash.earlier, $1.open.clash.later
                )
            }
            .map(\.open)
        }
    }
}
