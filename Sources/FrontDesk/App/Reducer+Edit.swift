import TerminalKit

extension Reducer {
    /// Applies a text edit to whichever field takes text now.
    static func edit(_ edit: TextEdit, target: InputRoute.TextTarget, _ state: inout AppState) -> [Effect] {
        switch target {
        case .loginField:
            _ = state.login.form.apply(edit)
            state.login.error = nil
            return []
        case .lookupQuery:
            guard state.lookup.query.apply(edit) else { return [] }
            return Lookup.queryChanged(&state)
        case let .listFilter(pane):
            guard var list = state.listState(of: pane), list.filter.query.apply(edit) else { return [] }
            state.setListState(list, of: pane)
            list.reconcile(visible: state.visibleRows(of: pane))
            state.setListState(list, of: pane)
            return []
        case .formField:
            guard var form = state.lookup.form, form.form.apply(edit) else { return [] }
            form.errors[form.form.focus] = nil
            state.lookup.form = form
            return []
        case .duplicateReason:
            guard state.lookup.form?.duplicates?.reason?.apply(edit) == true else { return [] }
            state.lookup.form?.duplicates?.reasonError = nil
            return []
        }
    }
}
