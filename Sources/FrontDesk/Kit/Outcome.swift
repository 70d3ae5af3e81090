/// What a feature's reducer asks of the root after changing the feature's own state: work
/// to run, things to tell the parent, a message, modals to push or pop. The root applies it;
/// a feature never touches another feature's state, the focus or the modal stack itself.
public struct Outcome<Action: Hashable & Sendable, Effect: Hashable & Sendable, Delegate: Hashable & Sendable,
    Modal: Hashable & Sendable>: Hashable, Sendable
{
    /// Work for the effect runner.
    public var effects: [Effect]
    /// Things the parent should know (a patient was chosen, the store was written).
    public var delegates: [Delegate]
    /// A sentence for the message line.
    public var message: StatusMessage?
    /// Changes to the modal stack, in order.
    public var modals: [ModalRequest<Action, Modal>]

    public init(
        effects: [Effect] = [], delegates: [Delegate] = [], message: StatusMessage? = nil,
        modals: [ModalRequest<Action, Modal>] = []
    ) {
        self.effects = effects
        self.delegates = delegates
        self.message = message
        self.modals = modals
    }

    /// Nothing to do beyond the state change.
    public static var none: Self { Self() }

    public static func effects(_ effects: Effect...) -> Self { Self(effects: effects) }

    public static func delegate(_ delegates: Delegate...) -> Self { Self(delegates: delegates) }

    public static func message(_ text: String) -> Self { Self(message: StatusMessage(text)) }

    /// A refusal or failure, worded for the person at the keyboard.
    public static func refusal(_ text: String) -> Self { Self(message: .error(text)) }

    public static func modal(_ requests: ModalRequest<Action, Modal>...) -> Self { Self(modals: requests) }

    /// Both outcomes: effects, delegates and modal changes in order; the later message wins.
    public static func + (lhs: Self, rhs: Self) -> Self {
        Self(effects: lhs.effects + rhs.effects, delegates: lhs.delegates + rhs.delegates,
             message: rhs.message ?? lhs.message, modals: lhs.modals + rhs.modals)
    }

    /// This outcome with a message (replacing any).
    public func with(message: StatusMessage?) -> Self {
        var copy = self
        copy.message = message
        return copy
    }
}
