public import ClinicCore
import Foundation
import GRDB

extension ClinicStore {
    /// Patient search for the search box as you type: the same search as
    /// ``searchPatients(text:dateOrder:limit:)``, run so that cancelling the calling task
    /// interrupts the query inside SQLite (the next keystroke's search replaces this one
    /// instead of waiting for it to finish). Throws `CancellationError` when cancelled.
    public func searchPatients(text: String, dateOrder: DateOrder, limit: Int) async throws -> [PatientSummary] {
        let query = PatientQuery.parse(text, dateOrder: dateOrder)
        let limit = max(0, min(limit, 500))
        let today = CalendarDate.today(clock: environment.clock, timeZone: timeZone)
        do {
            return try await pool.read { db in try PatientSearch.run(query, limit: limit, today: today, in: db) }
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw StoreErrors.translate(error, path: path)
        }
    }
}
