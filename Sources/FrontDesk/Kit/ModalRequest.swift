/// A change a feature asks for on the one modal stack (keys go to the top, drawing goes bottom-up).
public enum ModalRequest<Action: Hashable & Sendable, Modal: Hashable & Sendable>: Hashable, Sendable {
    /// Put one of the feature's own modals on top.
    case push(Modal)
    /// Replace the feature's modal on top (after a key changed it).
    case replace(Modal)
    /// Take the feature's modal off the top.
    case pop
    /// Ask a yes/no question; "yes" sends `action` back to the feature.
    case confirm(Confirmation<Action>)
}

/// A yes/no question over everything else. "No" is highlighted first: Enter alone never
/// does the irreversible thing.
public struct Confirmation<Action: Hashable & Sendable>: Hashable, Sendable {
    public var title: String
    public var message: String
    public var yesLabel: String
    public var noLabel: String
    /// What "yes" does.
    public var yes: Action
    /// 0 = the "no" button, 1 = the "yes" button.
    public var selected = 0

    public init(title: String, message: String, yes: Action, yesLabel: String = "Yes", noLabel: String = "No") {
        self.title = title
        self.message = message
        self.yes = yes
        self.yesLabel = yesLabel
        self.noLabel = noLabel
    }

    /// The same question answering with another action type (the root wraps a feature's actions).
    public func map<Other>(_ transform: (Action) -> Other) -> Confirmation<Other> {
        var other = Confirmation<Other>(title: title, message: message, yes: transform(yes), yesLabel: yesLabel,
                                        noLabel: noLabel)
        other.selected = selected
        return other
    }
}
