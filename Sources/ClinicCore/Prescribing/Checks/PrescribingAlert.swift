/// What a prescribing alert is about.
public enum AlertKind: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    /// The patient is allergic to the drug or its class.
    case allergy
    /// The drug may cross-react with a recorded allergy (a shared side chain, aspirin and NSAIDs).
    case crossReactivity = "cross-reactivity"
    /// Two drugs interact.
    case interaction
    /// The same ingredient twice, or two drugs of one class.
    case duplicateTherapy = "duplicate-therapy"
    /// The form, strength, route or sig unit does not fit the drug.
    case doseFormMismatch = "dose-form-mismatch"
    /// An abbreviation or number style on the do-not-use list.
    case doNotUseAbbreviation = "do-not-use-abbreviation"
    /// A drug or allergen the formulary does not know: it could not be checked.
    case unknownDrug = "unknown-drug"
    /// Nobody has asked about allergies, so the allergy check could not run.
    case allergiesNotAsked = "allergies-not-asked"
    /// The allergies could not be asked (the reason is recorded): nothing to check against.
    case allergiesUnknown = "allergies-unknown"

    public var description: String { rawValue }
}

/// How seriously an alert must be taken, most serious first.
public enum AlertSeverity: String, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    /// Never combine.
    case contraindicated
    /// Stop and decide: an allergy, an unchecked drug, a do-not-use abbreviation.
    case interruptive
    /// Avoid, or change the dose and monitor.
    case major
    /// Monitor, adjust, or space the doses.
    case moderate
    /// Worth knowing: a possible cross-reaction, a check that could not run for a current medicine.
    case warning

    /// Whether signing over this alert needs a written reason.
    public var needsOverrideReason: Bool { self == .contraindicated || self == .interruptive }

    public var description: String { rawValue }

    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// More serious sorts first: `.contraindicated < .warning`.
    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding of the prescribing checks, worded for the prescriber.
public struct PrescribingAlert: Hashable, Sendable, Codable, CustomStringConvertible {
    public let kind: AlertKind
    public let severity: AlertSeverity
    /// The medicines (and allergen) involved, as named on the prescription.
    public let drugs: [String]
    /// What is wrong, naming both drugs: "warfarin with ibuprofen: More serious bleeding…".
    public let message: String
    /// What to do about it.
    public let advice: String

    public init(kind: AlertKind, severity: AlertSeverity, drugs: [String], message: String, advice: String) {
        self.kind = kind
        self.severity = severity
        self.drugs = drugs
        self.message = message
        self.advice = advice
    }

    public var description: String { "\(severity) \(kind): \(message) \(advice)" }
}
