public import TerminalKit

/// The shared behaviour of a pane that lists rows: moving the selection among the rows the
/// `/` filter keeps, editing that filter, and keeping the selection on the same row across
/// reloads. A feature passes the same filter texts its view draws, so the rows a person sees
/// and the rows the keys move through are always the same rows.
public enum ListBehaviour {
    /// Moves the selection among the rows the filter keeps.
    public static func move(_ list: inout ListState, _ move: ListMove, searchTexts: [String]) {
        list.select(move.move, visible: list.filter.visibleIndices(of: searchTexts), pageSize: move.pageSize)
    }

    /// Starts, accepts or clears the filter; the selection lands on a kept row.
    public static func filter(_ list: inout ListState, _ command: FilterCommand, searchTexts: [String]) {
        switch command {
        case .begin: list.filter.begin()
        case .accept: list.filter.accept()
        case .cancel: list.filter.cancel()
        }
        list.reconcile(visible: list.filter.visibleIndices(of: searchTexts))
    }

    /// Applies typing to the filter while it is being edited.
    public static func editFilter(_ list: inout ListState, _ edit: TextEdit, searchTexts: [String]) {
        guard list.filter.query.apply(edit) else { return }
        list.reconcile(visible: list.filter.visibleIndices(of: searchTexts))
    }

    /// After new rows arrived, keeps the same row selected when it is still there.
    public static func reload<ID: Equatable>(_ list: inout ListState, selected id: ID?, ids: [ID], searchTexts: [String]) {
        if let id, let index = ids.firstIndex(of: id) { list.selected = index }
        list.reconcile(visible: list.filter.visibleIndices(of: searchTexts))
    }

    /// The selected row's index, when it is one the filter keeps.
    public static func selectedIndex(_ list: ListState, searchTexts: [String]) -> Int? {
        guard let selected = list.selected, searchTexts.indices.contains(selected),
              list.filter.visibleIndices(of: searchTexts).contains(selected)
        else { return nil }
        return selected
    }

    /// The keymap contexts of a list pane: the filter's while it is being typed.
    public static func contexts(_ list: ListState, pane: String) -> [String] {
        list.filter.isEditing ? [FrontDeskContexts.filter, pane, KeymapContext.global] : [pane, KeymapContext.global]
    }

    /// `12 of 95 match “wang”` while a filter narrows the list; nil otherwise.
    public static func filterSummary(_ list: ListState, searchTexts: [String]) -> String? {
        guard !list.filter.text.isEmpty else { return nil }
        return "\(list.filter.visibleIndices(of: searchTexts).count) of \(searchTexts.count) match “\(list.filter.text)”"
    }
}
