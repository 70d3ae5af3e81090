/// Something two patient records have in common.
public enum MatchedField: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case name
    case birthDate = "date of birth"
    case phone
    case identifier

    public var description: String { rawValue }
}

/// An existing patient who may be the person being registered.
public struct DuplicateCandidate: Hashable, Sendable, Identifiable {
    public var patient: PatientSummary
    /// 0…100; at or above ``DuplicateCheck/threshold`` the registration stops to ask.
    public var score: Int
    /// What matched, for highlighting.
    public var matched: Set<MatchedField>
    /// One short phrase per matching field ("same date of birth", "name sounds alike").
    public var reasons: [String]

    public init(patient: PatientSummary, score: Int, matched: Set<MatchedField>, reasons: [String]) {
        self.patient = patient
        self.score = score
        self.matched = matched
        self.reasons = reasons
    }

    public var id: EntityID<Patient> { patient.id }
}

/// The receptionist chose to register a new patient although candidates were shown.
public struct DuplicateOverride: Hashable, Sendable {
    public var reason: String
    public var candidates: [EntityID<Patient>]

    public init(reason: String, candidates: [EntityID<Patient>]) {
        self.reason = reason
        self.candidates = candidates
    }
}

/// What the duplicate check compares of one person: name tokens (normalised), date of birth,
/// phone digits, identifier keys and sex. Built once per side, so scoring a thousand candidates
/// does no string normalisation.
public struct DuplicateProbe: Hashable, Sendable {
    public var tokens: [NameSimilarity.Token]
    public var birthDate: BirthDate?
    public var phoneDigits: Set<String>
    public var identifierKeys: Set<String>
    public var sex: Sex

    public init(tokens: [String], birthDate: BirthDate?, phoneDigits: Set<String>, identifierKeys: Set<String>, sex: Sex) {
        self.tokens = tokens.map(NameSimilarity.Token.init)
        self.birthDate = birthDate
        self.phoneDigits = phoneDigits
        self.identifierKeys = identifierKeys
        self.sex = sex
    }

    /// The probe of details being registered.
    public init(_ details: PatientDetails) {
        self.init(
            tokens: SearchKey.tokens(of: details.familyName + " " + details.givenName), birthDate: details.birthDate,
            phoneDigits: Set([details.phone, details.alternatePhone].compactMap { $0?.digits }),
            identifierKeys: Set(details.identifiers.map(\.matchKey).filter { !$0.isEmpty }), sex: details.sex
        )
    }
}

/// Scores how likely an existing patient is the same person as new details.
///
/// Weights: name up to 45 (any token order, sounds-alike), date of birth 30 when equal,
/// 20 within two weeks, 15 in the same year when either is an estimate; the same phone
/// 60 and the same identifier 70 (each alone is enough to ask: families share phones,
/// but the receptionist should see it). Different recorded sexes cost 10.
public enum DuplicateCheck {
    public static let threshold = 60

    /// The score and what matched, or nil below the threshold.
    public static func score(_ new: DuplicateProbe, against existing: DuplicateProbe) -> (score: Int, matched: Set<MatchedField>, reasons: [String])? {
        var score = 0
        var matched = Set<MatchedField>()
        var reasons: [String] = []
        let nameScore = NameSimilarity.score(new.tokens, existing.tokens)
        if nameScore >= 0.8 {
            score += Int((nameScore * 45).rounded())
            matched.insert(.name)
            reasons.append(nameScore >= 0.999 ? "same name" : "name sounds alike")
        }
        if let a = new.birthDate, let b = existing.birthDate {
            let days = abs(a.date.daysSinceEpoch - b.date.daysSinceEpoch)
            if days == 0 {
                score += 30
                matched.insert(.birthDate)
                reasons.append("same date of birth")
            } else if days <= 14 {
                score += 20
                matched.insert(.birthDate)
                reasons.append("date of birth \(days) day\(days == 1 ? "" : "s") apart")
            } else if (a.isEstimated || b.isEstimated) && a.date.year == b.date.year {
                score += 15
                matched.insert(.birthDate)
                reasons.append("born the same year (estimated)")
            }
        }
        if !new.phoneDigits.isDisjoint(with: existing.phoneDigits) {
            score += 60
            matched.insert(.phone)
            reasons.append("same phone")
        }
        if !new.identifierKeys.isDisjoint(with: existing.identifierKeys) {
            score += 70
            matched.insert(.identifier)
            reasons.append("same identifier")
        }
        if new.sex != .unknown, existing.sex != .unknown, new.sex != existing.sex { score -= 10 }
        let final = min(100, max(0, score))
        return final >= threshold ? (final, matched, reasons) : nil
    }

    /// Candidates above the threshold, best first (ties by name).
    public static func rank(_ candidates: [DuplicateCandidate]) -> [DuplicateCandidate] {
        candidates.sorted { ($0.score, $1.patient.displayName) > ($1.score, $0.patient.displayName) }
    }
}
