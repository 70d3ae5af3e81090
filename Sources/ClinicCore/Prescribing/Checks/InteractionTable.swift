/// A consequence shared by several interaction rules ("Additive QT prolongation…").
public struct InteractionEffect: Hashable, Sendable {
    public let id: String
    public let text: String
}

/// One interaction rule: every ingredient of one side with every ingredient of the other.
public struct InteractionRule: Hashable, Sendable {
    public let left: RuleSide
    public let right: RuleSide
    public let severity: AlertSeverity
    public let effect: InteractionEffect
    public let advice: String
    let leftMembers: Set<Int>
    let rightMembers: Set<Int>
    /// Drug sides count more than class sides when two rules compete.
    var specificity: Int { (left.isDrug ? 1 : 0) + (right.isDrug ? 1 : 0) }
}

/// The interaction rules of `data/formulary/interactions.txt`, indexed by ingredient.
public struct InteractionTable: Sendable {
    public let effects: [InteractionEffect]
    public let rules: [InteractionRule]
    /// For each ingredient, the rules naming it on the left and on the right.
    let leftRules: [Int: [Int]]
    let rightRules: [Int: [Int]]

    static let file = "data/formulary/interactions.txt"

    public init(text: String, formulary: Formulary) throws(ReferenceDataError) {
        let lines = try ReferenceLine.records(in: text, file: Self.file, columns: 6)
        var effects: [String: InteractionEffect] = [:]
        var ordered: [InteractionEffect] = []
        for line in lines where line[0] == "effect" {
            let id = try line.required(1, "effect id")
            guard effects[id] == nil else { throw line.error("the effect “\(id)” is defined twice.") }
            let effect = InteractionEffect(id: id, text: try line.required(2, "effect text"))
            effects[id] = effect
            ordered.append(effect)
        }
        var rules: [InteractionRule] = []
        var left: [Int: [Int]] = [:]
        var right: [Int: [Int]] = [:]
        for line in lines where line[0] != "effect" {
            guard line[0] == "pair" else { throw line.error("“\(line[0])” should be “effect” or “pair”.") }
            let a = try RuleSide.parse(line[1], in: formulary, line: line)
            let b = try RuleSide.parse(line[2], in: formulary, line: line)
            if a.side.isDrug && a.side == b.side { throw line.error("a drug cannot interact with itself.") }
            guard let severity = AlertSeverity(rawValue: line[3]),
                [.contraindicated, .major, .moderate].contains(severity)
            else {
                throw line.error("severity “\(line[3])” should be contraindicated, major or moderate.")
            }
            guard let effect = effects[line[4]] else {
                throw line.error("unknown effect “\(line[4])”; define it with an effect line.")
            }
            let rule = InteractionRule(
                left: a.side, right: b.side, severity: severity, effect: effect,
                advice: try line.required(5, "advice"), leftMembers: a.members, rightMembers: b.members)
            for member in a.members { left[member, default: []].append(rules.count) }
            for member in b.members { right[member, default: []].append(rules.count) }
            rules.append(rule)
        }
        self.effects = ordered
        self.rules = rules
        self.leftRules = left
        self.rightRules = right
    }

    /// The rules that apply to ingredients `a` and `b`, each with whether `a` is its left side.
    func rules(between a: Int, and b: Int) -> [(rule: Int, aIsLeft: Bool)] {
        var found: [(Int, Bool)] = []
        for index in leftRules[a] ?? [] where rules[index].rightMembers.contains(b) { found.append((index, true)) }
        for index in rightRules[a] ?? [] where rules[index].leftMembers.contains(b) { found.append((index, false)) }
        return found
    }
}
