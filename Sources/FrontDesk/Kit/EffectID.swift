/// Names a kind of work in flight, such as the patient search. Starting an effect with an
/// identity cancels the one in flight with the same identity, and an answer that arrives
/// after a newer effect of that identity started is dropped (see `EffectScheduler`).
public struct EffectID: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var name: String

    public init(_ name: String) {
        self.name = name
    }

    public init(stringLiteral value: String) {
        name = value
    }

    public var description: String { name }
}

/// An effect that may carry an identity for cancellation.
public protocol IdentifiedEffect: Hashable, Sendable {
    /// The identity shared with the effects it supersedes; nil for work that must run to the end (writes).
    var id: EffectID? { get }
}
