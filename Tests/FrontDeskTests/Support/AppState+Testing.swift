import ClinicCore
import FrontDesk
import TerminalKit

/// Short ways for tests to look at what is on top and which rows a pane shows.
extension AppState {
    var duplicatesDialog: DuplicateState? {
        if case let .duplicates(dialog)? = patientsModal { return dialog }
        return nil
    }

    var conflictDialog: EditConflictState? {
        if case let .editConflict(dialog)? = patientsModal { return dialog }
        return nil
    }

    /// The rows a pane's `/` filter keeps, as indices into its rows.
    func visibleRows(of pane: Pane) -> [Int] {
        switch pane {
        case .schedule: Array(scheduleColumns.indices)
        case .queue: queue.list.filter.visibleIndices(of: QueueFeature.searchTexts(queue.rows, now: now, lateMinutes: queue.lateMinutes))
        case .lookup: Array(patients.results.indices)
        case .prescription: prescriptions.list.filter.visibleIndices(of: PrescriptionsFeature.searchTexts(prescriptions.prescriptions))
        }
    }

    /// The providers with a column in the day's grid, as drawn (after the provider choice and `/`).
    var scheduleColumns: [String] {
        ScheduleFeature.grid(schedule, now: session.localNow)?.columns.map(\.provider.displayName) ?? []
    }
}
