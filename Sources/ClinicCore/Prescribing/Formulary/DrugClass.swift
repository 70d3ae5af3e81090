/// A drug class or pharmacological group (`penicillins`, `strong-cyp3a4-inhibitors`).
///
/// Membership is explicit: a drug is in a class only when the formulary lists it there, or
/// through a class this one `includes`.
public struct DrugClass: Hashable, Sendable, Identifiable {
    /// The id the data files use after `class:`.
    public let id: String
    /// The plural noun phrase messages use ("NSAIDs", "penicillins").
    public let label: String
    /// Other names a clinician may record an allergy to ("sulfa", "ARBs").
    public let synonyms: [String]
    /// Classes whose members belong to this one too.
    public let includes: [String]
    /// ATC prefixes every member's code must start with (checked by the data tests); may be empty.
    public let atcPrefixes: [String]

    public init(id: String, label: String, synonyms: [String], includes: [String], atcPrefixes: [String]) {
        self.id = id
        self.label = label
        self.synonyms = synonyms
        self.includes = includes
        self.atcPrefixes = atcPrefixes
    }
}
