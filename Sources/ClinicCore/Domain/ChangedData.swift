/// The kinds of clinic data a commit can change, as screens care about them: a terminal that
/// learns another one checked a patient in rereads its queue, not its appointment book.
public enum ClinicDataKind: String, CaseIterable, Hashable, Sendable {
    case patients
    case allergies
    case appointments
    case waitlist
    /// Providers, their weekly hours, leave and clinic holidays.
    case providers
    /// Visits and what happens in them: the queue, triage, notes, hops between stations.
    case visits
    /// The stations a visit can be sent on to (nurse, lab, pharmacy).
    case stations
    case prescriptions
    /// Medicines recorded on the card that were not prescribed here.
    case medicines
    case users
    /// Who is signed in where (sign-ins, sign-outs, "sign out everywhere").
    case sessions
    /// Sync's own state: the cursor, the outbox, conflicts, quarantine.
    case sync
    case audit
    /// The price list, invoices, payments, refunds and drawer counts.
    case billing
}

/// What other commits changed since the last time a terminal looked.
public struct ChangedData: Hashable, Sendable {
    /// The kinds changed; nil when that is not known (everything may have changed).
    public let kinds: Set<ClinicDataKind>?

    public init(_ kinds: Set<ClinicDataKind>?) {
        self.kinds = kinds
    }

    /// Anything may have changed: reread everything.
    public static let everything = ChangedData(nil)

    /// Whether any of `kinds` may have changed.
    public func touches(_ kinds: Set<ClinicDataKind>) -> Bool {
        self.kinds.map { !$0.isDisjoint(with: kinds) } ?? true
    }
}
