public import Foundation

/// A place in the clinic a patient can be sent to wait at (besides a provider): the nurse's
/// room, the lab, the pharmacy. Stations are clinic data, kept by an admin.
public struct Station: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<Station>
    public var name: String
    public var kind: StationKind

    public init(id: EntityID<Station>, name: String, kind: StationKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}

/// What a station is for.
public enum StationKind: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case nurse
    case lab
    case pharmacy
    case imaging
    case other

    public var description: String { rawValue }
}

/// Where a visit goes next: to a provider's queue, or to a station.
public enum VisitDestination: Hashable, Sendable {
    case provider(EntityID<Provider>, name: String)
    case station(String)

    /// The destination in words: "Dr Wang Li", "Lab".
    public var name: String {
        switch self {
        case let .provider(_, name): name
        case let .station(name): name
        }
    }
}

/// One move of a visit to another provider or station, kept with the visit (a fact, never edited).
public struct VisitHop: Identifiable, Hashable, Sendable {
    public var id: EntityID<VisitHop>
    public var visitID: EntityID<Visit>
    /// Where the patient was ("Dr Amina Haddad", "any provider").
    public var from: String
    /// Where they were sent.
    public var to: String
    public var note: String
    public var at: Date
    public var by: EntityID<User>?

    public init(id: EntityID<VisitHop>, visitID: EntityID<Visit>, from: String, to: String, note: String, at: Date,
                by: EntityID<User>?) {
        self.id = id
        self.visitID = visitID
        self.from = from
        self.to = to
        self.note = note
        self.at = at
        self.by = by
    }
}
