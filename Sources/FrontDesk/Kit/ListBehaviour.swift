public import TerminalKit

/// The shared behaviour of a pane that lists rows: moving the selection among the rows the
/// `/` filter keeps, editing that filter, and keeping the selection on the same row across
/// reloads. A feature passes the same filter texts its view draws, so the rows a person sees
/// and the rows the keys move through are always the same rows. The texts are only built
/// while a filter narrows the list (a busy day has hundreds of rows, and keys and ticks ask often).
public enum ListBehaviour {
    /// The rows the filter keeps, in order.
    public static func visible(_ list: ListState, count: Int, searchTexts: () -> [String]) -> [Int] {
        isFiltering(list) ? list.filter.visibleIndices(of: searchTexts()) : Array(0..<count)
    }

    /// Moves the selection among the rows the filter keeps.
    public static func move(_ list: inout ListState, _ move: ListMove, count: Int, searchTexts: () -> [String]) {
        list.select(move.move, visible: visible(list, count: count, searchTexts: searchTexts), pageSize: move.pageSize)
    }

    /// Starts, accepts or clears the filter; the selection lands on a kept row.
    public static func filter(_ list: inout ListState, _ command: FilterCommand, count: Int, searchTexts: () -> [String]) {
        switch command {
        case .begin: list.filter.begin()
        case .accept: list.filter.accept()
        case .cancel: list.filter.cancel()
        }
        list.reconcile(visible: visible(list, count: count, searchTexts: searchTexts))
    }

    /// Applies typing to the filter while it is being edited.
    public static func editFilter(_ list: inout ListState, _ edit: TextEdit, count: Int, searchTexts: () -> [String]) {
        guard list.filter.query.apply(edit) else { return }
        list.reconcile(visible: visible(list, count: count, searchTexts: searchTexts))
    }

    /// After new rows arrived, keeps the same row selected when it is still there.
    public static func reload<ID: Equatable>(_ list: inout ListState, selected id: ID?, ids: [ID], searchTexts: () -> [String]) {
        if let id, let index = ids.firstIndex(of: id) { list.selected = index }
        list.reconcile(visible: visible(list, count: ids.count, searchTexts: searchTexts))
    }

    /// The selected row's index, when it is one the filter keeps.
    public static func selectedIndex(_ list: ListState, count: Int, searchTexts: () -> [String]) -> Int? {
        guard let selected = list.selected, (0..<count).contains(selected) else { return nil }
        guard isFiltering(list) else { return selected }
        return list.filter.visibleIndices(of: searchTexts()).contains(selected) ? selected : nil
    }

    /// Each row's filter text for a view's table rows: built only while a filter narrows the list.
    public static func rowTexts(_ list: ListState, count: Int, searchTexts: () -> [String]) -> [String?] {
        isFiltering(list) ? searchTexts() : Array(repeating: nil, count: count)
    }

    /// The action a list pane sends for a routed command: list moves and the filter; nothing else.
    public static func routed<Action>(
        _ command: RoutedCommand, move: (ListMove) -> Action, filter: (FilterCommand) -> Action
    ) -> Action? {
        switch command {
        case let .list(list): move(list)
        case let .filter(command): filter(command)
        case .form, .dialog: nil
        }
    }

    /// The keymap contexts of a list pane: the filter's while it is being typed.
    public static func contexts(_ list: ListState, pane: String) -> [String] {
        list.filter.isEditing ? [FrontDeskContexts.filter, pane, KeymapContext.global] : [pane, KeymapContext.global]
    }

    /// `12 of 95 match “wang”` while a filter narrows the list; nil otherwise.
    public static func filterSummary(_ list: ListState, count: Int, searchTexts: () -> [String]) -> String? {
        guard isFiltering(list) else { return nil }
        return "\(list.filter.visibleIndices(of: searchTexts()).count) of \(count) match “\(list.filter.text)”"
    }

    /// Whether the filter's words narrow the list at all.
    public static func isFiltering(_ list: ListState) -> Bool {
        list.filter.narrows
    }
}
