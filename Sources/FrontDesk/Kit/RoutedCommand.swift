public import TerminalKit

/// Commands every kind of layer understands in its own way, bound once for the whole app
/// (`list.next`, `form.save`, `dialog.yes`). The shell owns them; the root hands each to
/// whichever layer has the keys (the focused pane, the open form, the dialog on top).
public enum RoutedCommand: Hashable, Sendable {
    case list(ListMove)
    case filter(FilterCommand)
    case form(FormCommand)
    case dialog(DialogCommand)
}

/// Moving a list's selection; `pageSize` is the number of rows the pane shows.
public struct ListMove: Hashable, Sendable {
    public var move: SelectionMove
    public var pageSize: Int

    public init(_ move: SelectionMove, pageSize: Int = 10) {
        self.move = move
        self.pageSize = pageSize
    }
}

/// The `/` filter of a list.
public enum FilterCommand: Hashable, Sendable {
    /// Start typing a filter (`/`).
    case begin
    /// Keep the filter and go back to the list (Enter).
    case accept
    /// Clear the filter (Esc).
    case cancel
}

/// Moving through and leaving a form.
public enum FormCommand: Hashable, Sendable {
    case nextField
    case previousField
    case save
    case cancel
}

/// Answering the dialog on top.
public enum DialogCommand: Hashable, Sendable {
    /// Press the highlighted button.
    case confirm
    /// Answer yes.
    case yes
    /// Close the dialog (no).
    case cancel
    /// Highlight the other button.
    case switchButton
}

/// Where keys go while a feature (or one of its modals) is on top: the keymap contexts to
/// search, most specific first; the action typing sends when a text field has the keys; and
/// the action each routed command becomes here (nil: it does nothing here, and says so).
public struct InputLayer<Action: Hashable & Sendable>: Sendable {
    public var contexts: [String]
    public var text: (@Sendable (TextEdit) -> Action)?
    public var routed: @Sendable (RoutedCommand) -> Action?

    public init(
        contexts: [String], text: (@Sendable (TextEdit) -> Action)? = nil,
        routed: @escaping @Sendable (RoutedCommand) -> Action? = { _ in nil }
    ) {
        self.contexts = contexts
        self.text = text
        self.routed = routed
    }

    /// The same layer sending another action type (the root wraps a feature's actions).
    public func map<Other: Hashable & Sendable>(_ transform: @escaping @Sendable (Action) -> Other) -> InputLayer<Other> {
        let routed = self.routed
        var typing: (@Sendable (TextEdit) -> Other)?
        if let text = self.text {
            typing = { @Sendable edit in transform(text(edit)) }
        }
        return InputLayer<Other>(contexts: contexts, text: typing, routed: { @Sendable command in
            guard let action = routed(command) else { return nil }
            return transform(action)
        })
    }
}
