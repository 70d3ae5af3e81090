import ClinicCore
import TerminalKit

/// Where keys go right now: the keymap contexts to search (most specific first) and the
/// text field, if any, that takes printable keys no context binds.
struct InputRoute {
    enum TextTarget: Hashable {
        case loginField
        case lookupQuery
        case listFilter(Pane)
        case formField
        case duplicateReason
    }

    var contexts: [String]
    var text: TextTarget?

    static func current(_ state: AppState) -> InputRoute {
        if state.confirm != nil { return InputRoute(contexts: [KeymapContext.dialog], text: nil) }
        if state.screen == .login { return InputRoute(contexts: [AppContexts.login], text: .loginField) }
        let global = KeymapContext.global
        switch state.focus {
        case .lookup:
            if let form = state.lookup.form {
                if let duplicates = form.duplicates {
                    return InputRoute(contexts: [AppContexts.duplicates], text: duplicates.reason == nil ? nil : .duplicateReason)
                }
                return InputRoute(contexts: [KeymapContext.form], text: .formField)
            }
            if state.lookup.card != nil { return InputRoute(contexts: [AppContexts.card, global], text: nil) }
            return InputRoute(contexts: [KeymapContext.lookup, global], text: .lookupQuery)
        case .schedule, .queue, .prescription:
            if state.listState(of: state.focus)?.filter.isEditing == true {
                return InputRoute(contexts: [AppContexts.filter, state.focus.context, global], text: .listFilter(state.focus))
            }
            return InputRoute(contexts: [state.focus.context, global], text: nil)
        }
    }
}

extension AppState {
    /// The list state of a pane whose rows can be moved through and filtered.
    func listState(of pane: Pane) -> ListState? {
        switch pane {
        case .schedule: schedule.list
        case .queue: queue.list
        case .lookup: lookup.list
        case .prescription: prescriptions.list
        }
    }

    /// Replaces the list state of a pane.
    mutating func setListState(_ list: ListState, of pane: Pane) {
        switch pane {
        case .schedule: schedule.list = list
        case .queue: queue.list = list
        case .lookup: lookup.list = list
        case .prescription: prescriptions.list = list
        }
    }

    /// The texts `/` filters the pane's rows by.
    func filterTexts(of pane: Pane) -> [String] {
        switch pane {
        case .schedule: schedule.entries.map { "\($0.appointment.start.time) \($0.patientName) \($0.providerName) \($0.appointment.status)" }
        case .queue: queue.entries.map { "\($0.patientName) \($0.providerName ?? "") \($0.visit.status)" }
        case .lookup: lookup.results.map(\.displayName)
        case .prescription: prescriptions.prescriptions.map { $0.items.map(\.title).joined(separator: " ") }
        }
    }

    /// Row indices the pane's filter keeps.
    public func visibleRows(of pane: Pane) -> [Int] {
        guard let list = listState(of: pane) else { return [] }
        return list.filter.visibleIndices(of: filterTexts(of: pane))
    }
}
