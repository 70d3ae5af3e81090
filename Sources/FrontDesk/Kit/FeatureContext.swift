/// What a feature's reducer may read besides its own state: the session, and its own modal
/// when that modal is on top of the stack (read-only; changes go back as modal requests).
public struct FeatureContext<Modal: Hashable & Sendable>: Sendable {
    public var session: Session
    /// The feature's modal on top of the stack, if the top one is the feature's.
    public var modal: Modal?

    public init(session: Session, modal: Modal? = nil) {
        self.session = session
        self.modal = modal
    }
}
