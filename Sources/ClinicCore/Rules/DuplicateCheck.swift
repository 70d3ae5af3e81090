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

/// Scores how likely an existing patient is the same person as new details.
///
/// Weights: name up to 45 (any token order, sounds-alike), date of birth 30 when equal,
/// 20 within two weeks, 15 in the same year when either is an estimate; the same phone
/// 60 and the same identifier 70 (each alone is enough to ask: families share phones,
/// but the receptionist should see it). Different recorded sexes cost 10.
public enum DuplicateCheck {
    public static let threshold = 60

    public static func candidate(
        for new: PatientDetails, newIdentifierKeys: Set<String>, existing: PatientSummary, existingIdentifierKeys: Set<String>
    ) -> DuplicateCandidate? {
        var score = 0
        var matched = Set<MatchedField>()
        var reasons: [String] = []
        let nameScore = NameSimilarity.score(SearchKey.tokens(of: new.familyName + " " + new.givenName),
                                             SearchKey.tokens(of: existing.familyName + " " + existing.givenName))
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
        let newPhones = Set([new.phone, new.alternatePhone].compactMap { $0?.digits })
        if let phone = existing.phone?.digits, newPhones.contains(phone) {
            score += 60
            matched.insert(.phone)
            reasons.append("same phone")
        }
        if !newIdentifierKeys.isDisjoint(with: existingIdentifierKeys) {
            score += 70
            matched.insert(.identifier)
            reasons.append("same identifier")
        }
        if new.sex != .unknown, existing.sex != .unknown, new.sex != existing.sex { score -= 10 }
        let final = min(100, max(0, score))
        guard final >= threshold else { return nil }
        return DuplicateCandidate(patient: existing, score: final, matched: matched, reasons: reasons)
    }

    /// Candidates above the threshold, best first (ties by name).
    public static func rank(_ candidates: [DuplicateCandidate]) -> [DuplicateCandidate] {
        candidates.sorted { ($0.score, $1.patient.displayName) > ($1.score, $0.patient.displayName) }
    }
}
