public import ClinicCore
import GRDB

extension ClinicStore {
    /// The day's visits for the waiting-room board, by arrival: each visit with the patient's
    /// family and given names and nothing else about them (see ``WaitingRoomEntry``).
    ///
    /// A read like any other: it never blocks a writer, and fails with ``StoreError/locked(path:)``
    /// when another process keeps the file locked beyond the busy timeout.
    public func waitingRoom(on day: CalendarDate) throws(StoreError) -> [WaitingRoomEntry] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT v.*, p.family_name, p.given_name
                    FROM visit v
                    JOIN patient p ON p.id = v.patient_id
                    WHERE v.day = ? AND v.deleted_at IS NULL
                    ORDER BY v.arrived_at, v.ticket, v.id
                    """, arguments: [day.description])
            return try rows.map { row in
                WaitingRoomEntry(
                    visit: try VisitRecord(row: row).visit, familyName: row["family_name"], givenName: row["given_name"]
                )
            }
        }
    }
}
