/// Allergy classes and cross-reactivity, from `data/formulary/allergy-rules.txt`.
public struct AllergyRules: Sendable {
    /// Advice when the prescribed ingredient is the allergen itself.
    public let sameDrugAdvice: String
    /// Classes a drug allergy extends to, with their advice.
    public let classAdvice: [String: String]
    /// Groups whose members may cross-react with each other, with their advice.
    public let groupAdvice: [String: String]
    /// Pairs that may cross-react, in either direction.
    public let crossReactions: [Pair]
    /// Pairs that must never raise an allergy alert for each other.
    public let unrelated: [Pair]
    /// The class and group ids in a fixed order, for checks that try each in turn.
    let classIDs: [String]
    let groups: [(id: String, advice: String)]

    /// Two sides of a cross-reactivity (or non-reactivity) rule, with the advice or reason.
    public struct Pair: Hashable, Sendable {
        public let first: RuleSide
        public let second: RuleSide
        public let text: String
        let firstMembers: Set<Int>
        let secondMembers: Set<Int>
    }

    static let file = "data/formulary/allergy-rules.txt"

    public init(text: String, formulary: Formulary) throws(ReferenceDataError) {
        var sameDrug: String?
        var classes: [String: String] = [:]
        var groups: [String: String] = [:]
        var crosses: [Pair] = []
        var unrelated: [Pair] = []
        for line in try ReferenceLine.records(in: text, file: Self.file, columns: 4) {
            let advice = try line.required(3, "advice")
            switch line[0] {
            case "same-drug":
                sameDrug = advice
            case "class", "within":
                let id = try line.required(1, "class id")
                guard formulary.drugClass(id: id) != nil else {
                    throw line.error(
                        "unknown class “\(id)”\(Formulary.nearest(id, in: Set(formulary.classes.map(\.id)))).")
                }
                if line[0] == "class" { classes[id] = advice } else { groups[id] = advice }
            case "cross", "unrelated":
                let a = try RuleSide.parse(line[1], in: formulary, line: line)
                let b = try RuleSide.parse(line[2], in: formulary, line: line)
                let pair = Pair(
                    first: a.side, second: b.side, text: advice, firstMembers: a.members, secondMembers: b.members)
                if line[0] == "cross" { crosses.append(pair) } else { unrelated.append(pair) }
            default:
                throw line.error("rule “\(line[0])” should be same-drug, class, within, cross or unrelated.")
            }
        }
        guard let sameDrug else {
            throw ReferenceDataError(file: Self.file, line: nil, message: "the same-drug rule is missing.")
        }
        self.sameDrugAdvice = sameDrug
        self.classAdvice = classes
        self.groupAdvice = groups
        self.crossReactions = crosses
        self.unrelated = unrelated
        self.classIDs = classes.keys.sorted()
        self.groups = groups.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
