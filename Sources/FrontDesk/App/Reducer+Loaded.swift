import Foundation
import ClinicCore
import TerminalKit

extension Reducer {
    /// Answers from the world: data loaded, writes done or failed.
    static func handleLoaded(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case let .signedIn(user):
            state.user = user
            state.screen = .main
            state.login = LoginState()
            state.focus = user.role == .doctor || user.role == .nurse ? .queue : .schedule
            state.message = StatusMessage("Signed in as \(user.displayName) (\(user.role)).")
            return reloadAll(&state, newDay: true)
        case let .signInRefused(message):
            state.login.isChecking = false
            state.login.error = message
            state.login.form.values[1].setText("")
            state.login.form.focus(on: 1)
        case let .scheduleLoaded(day, entries):
            guard day == state.schedule.day else { return [] }
            let selectedID = state.schedule.list.selected.flatMap { state.schedule.entries.indices.contains($0) ? state.schedule.entries[$0].id : nil }
            state.schedule.entries = entries
            state.schedule.isLoaded = true
            state.schedule.list = keepSelection(state.schedule.list, id: selectedID, ids: entries.map(\.id), visible: state.visibleRows(of: .schedule))
        case let .queueLoaded(entries):
            let selectedID = state.queue.list.selected.flatMap { state.queue.entries.indices.contains($0) ? state.queue.entries[$0].id : nil }
            state.queue.entries = entries
            state.queue.isLoaded = true
            state.queue.list = keepSelection(state.queue.list, id: selectedID, ids: entries.map(\.id), visible: state.visibleRows(of: .queue))
        case let .searchLoaded(query, results):
            guard !state.lookup.showingRecent, query == state.lookup.query.text.trimmingCharacters(in: .whitespaces) else { return [] }
            setResults(results, &state)
            state.lookup.resultsQuery = query
        case let .recentLoaded(results):
            guard state.lookup.showingRecent else { return [] }
            setResults(results, &state)
            state.lookup.resultsQuery = ""
        case let .cardLoaded(id, card):
            guard state.lookup.card?.patientID == id else { return [] }
            guard let card else {
                state.lookup.card = nil
                state.message = StatusMessage("That patient no longer exists.", isError: true)
                return []
            }
            state.lookup.card?.card = card
            if state.message?.text == "Opening the patient to edit…" {
                state.message = nil
                Lookup.startEdit(card.patient, &state)
            }
        case let .prescriptionsLoaded(id, prescriptions):
            guard state.prescriptions.patientID == id else { return [] }
            state.prescriptions.prescriptions = prescriptions
        case let .syncStatusLoaded(status):
            state.sync = status
        case let .duplicatesChecked(details, candidates):
            guard var form = state.lookup.form, form.isSaving, let user = state.user else { return [] }
            if candidates.isEmpty { return [.register(details, nil, user)] }
            form.duplicates = DuplicateState(details: details, candidates: candidates)
            form.isSaving = false
            state.lookup.form = form
        case let .patientSaved(patient, created):
            state.lookup.form = nil
            state.message = StatusMessage("\(created ? "Registered" : "Saved") \(patient.displayName) (\(patient.mrn)).")
            return Lookup.openCard(patient.id, &state) + Lookup.refresh(&state)
        case let .checkedIn(message):
            state.message = StatusMessage(message)
        case let .failed(message):
            state.login.isChecking = false
            state.lookup.form?.isSaving = false
            state.message = StatusMessage(message, isError: true)
        case .event, .tick, .storeChanged:
            break
        }
        return []
    }

    private static func setResults(_ results: [PatientSummary], _ state: inout AppState) {
        let selectedID = state.lookup.selected?.id
        state.lookup.results = results
        state.lookup.list = keepSelection(state.lookup.list, id: selectedID, ids: results.map(\.id), visible: Array(results.indices))
    }

    /// After a reload, keeps the same row selected when it is still there.
    private static func keepSelection<ID: Equatable>(_ list: ListState, id: ID?, ids: [ID], visible: [Int]) -> ListState {
        var list = list
        if let id, let index = ids.firstIndex(of: id) { list.selected = index }
        list.reconcile(visible: visible)
        return list
    }
}
