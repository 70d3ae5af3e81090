import GRDB

/// A restored device's numbering, moved past every MRN and receipt number with its prefix that
/// sync has brought back, so it never issues one of them a second time.
enum RestoredCounters {
    static func catchUp(_ db: Database) throws {
        try db.execute(sql: """
            UPDATE local_device SET
              mrn_counter = max(mrn_counter, coalesce((SELECT max(p.mrn_serial) FROM patient p
                                                       WHERE p.mrn GLOB local_device.mrn_prefix || '-*'), 0)),
              receipt_counter = max(receipt_counter, coalesce((SELECT max(CAST(substr(y.receipt_number, length(local_device.mrn_prefix) + 3)
                                                                               AS INTEGER))
                                                               FROM payment y
                                                               WHERE y.receipt_number GLOB local_device.mrn_prefix || '-R*'), 0))
            """)
    }
}
