/// Duplicate-therapy rules, from `data/formulary/duplicates.txt`.
public struct DuplicateRules: Sendable {
    /// The same ingredient twice (paracetamol and co-codamol).
    public let sameIngredient: Rule
    /// Two different members of a class (two NSAIDs).
    public let classRules: [Rule]
    /// For each ingredient, the class rules it falls under.
    let rulesByIngredient: [Int: [Int]]

    /// A duplicate rule: its class (nil for the same ingredient), severity and advice.
    public struct Rule: Hashable, Sendable {
        public let classID: String?
        public let severity: AlertSeverity
        public let advice: String
        let members: Set<Int>
    }

    static let file = "data/formulary/duplicates.txt"

    public init(text: String, formulary: Formulary) throws(ReferenceDataError) {
        var same: Rule?
        var rules: [Rule] = []
        for line in try ReferenceLine.records(in: text, file: Self.file, columns: 3) {
            guard let severity = AlertSeverity(rawValue: line[1]), [.major, .moderate].contains(severity) else {
                throw line.error("severity “\(line[1])” should be major or moderate.")
            }
            let advice = try line.required(2, "advice")
            if line[0] == "same-ingredient" {
                same = Rule(classID: nil, severity: severity, advice: advice, members: [])
                continue
            }
            guard line[0].hasPrefix("class:") else {
                throw line.error("the group should be same-ingredient or class:<id>.")
            }
            let side = try RuleSide.parse(line[0], in: formulary, line: line)
            guard case let .drugClass(id) = side.side else { throw line.error("the group should be a class.") }
            if rules.contains(where: { $0.classID == id }) { throw line.error("class:\(id) is listed twice.") }
            rules.append(Rule(classID: id, severity: severity, advice: advice, members: side.members))
        }
        guard let same else {
            throw ReferenceDataError(file: Self.file, line: nil, message: "the same-ingredient rule is missing.")
        }
        self.sameIngredient = same
        self.classRules = rules
        var byIngredient: [Int: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            for member in rule.members { byIngredient[member, default: []].append(index) }
        }
        self.rulesByIngredient = byIngredient
    }
}
