public import Foundation

/// Whether the clinic knows the patient's allergies — states a clinician must never confuse.
public enum AllergyStatus: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    /// Nobody has asked yet: unknown, not "none".
    case notAsked = "not-asked"
    /// Someone tried and could not ask (unconscious, no shared language, no one to answer):
    /// still unknown, with the reason on the patient (``Patient/allergyNote``).
    case unableToAsk = "unable-to-ask"
    /// Asked, and the patient has no known allergies.
    case noKnownAllergies = "no-known-allergies"
    /// At least one allergy is on record.
    case recorded

    /// Words for the banner; never conveyed by colour alone.
    public var description: String {
        switch self {
        case .notAsked: "Allergies not yet asked"
        case .unableToAsk: "Allergies unknown — unable to ask"
        case .noKnownAllergies: "No known allergies"
        case .recorded: "Allergies recorded"
        }
    }
}

/// An allergy or intolerance on record. Append-only: a correction is a new row
/// that names the one it supersedes.
public struct Allergy: Identifiable, Hashable, Sendable, Codable {
    public var id: EntityID<Allergy>
    public var patientID: EntityID<Patient>
    public var substance: String
    public var substanceKind: AllergenKind
    public var reaction: String
    public var severity: AllergySeverity
    public var recordedAt: Date
    public var recordedBy: EntityID<User>?
    /// The earlier entry this one corrects or retracts.
    public var supersedes: EntityID<Allergy>?
    /// True when this entry withdraws the one it supersedes (entered in error, refuted).
    public var isRetraction: Bool

    public init(
        id: EntityID<Allergy>, patientID: EntityID<Patient>, substance: String, substanceKind: AllergenKind,
        reaction: String, severity: AllergySeverity, recordedAt: Date, recordedBy: EntityID<User>?,
        supersedes: EntityID<Allergy>? = nil, isRetraction: Bool = false
    ) {
        self.id = id
        self.patientID = patientID
        self.substance = substance
        self.substanceKind = substanceKind
        self.reaction = reaction
        self.severity = severity
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.supersedes = supersedes
        self.isRetraction = isRetraction
    }
}

/// What kind of thing the patient reacts to.
public enum AllergenKind: String, CaseIterable, Codable, Sendable {
    /// One drug (`amoxicillin`).
    case drug
    /// A whole drug class (`penicillins`, `sulfonamides`).
    case drugClass = "drug-class"
    case food
    case environmental
    case other
}

/// How bad the reaction is.
public enum AllergySeverity: String, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    case mild
    case moderate
    case severe
    case unknown

    public var description: String { rawValue }

    private var rank: Int {
        switch self {
        case .mild: 0
        case .unknown: 1
        case .moderate: 2
        case .severe: 3
        }
    }

    public static func < (lhs: AllergySeverity, rhs: AllergySeverity) -> Bool { lhs.rank < rhs.rank }
}

extension Array where Element == Allergy {
    /// The allergies still in force: every entry not superseded by a later one, minus retractions.
    public var current: [Allergy] {
        let superseded = Set(compactMap(\.supersedes))
        return filter { !superseded.contains($0.id) && !$0.isRetraction }
    }
}
