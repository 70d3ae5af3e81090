extension PrescribingChecker {
    /// Interactions between two items: each pair of their ingredients against every rule, one
    /// alert per effect (the most severe, then the most specific rule wins).
    func interactionAlerts(_ a: CheckedItem, _ b: CheckedItem) -> [PrescribingAlert] {
        guard a.isCheckedAgainstOthers, b.isCheckedAgainstOthers else { return [] }
        let formulary = reference.formulary
        let table = reference.interactions
        var best: [String: (rule: Int, left: String, right: String)] = [:]
        for x in a.ingredients {
            for y in b.ingredients where x != y {
                let matches = table.rules(between: x, and: y)
                for ruleIndex in Set(matches.map(\.rule)).sorted() {
                    let rule = table.rules[ruleIndex]
                    let nameX = a.name(through: x, in: formulary)
                    let nameY = b.name(through: y, in: formulary)
                    let orientations = Set(matches.filter { $0.rule == ruleIndex }.map(\.aIsLeft))
                    // Both orientations fit (the same class on both sides): order by name, so
                    // prescribing order never changes the message.
                    let xFirst = orientations.count == 2 ? Self.byName(nameX, nameY) : orientations.contains(true)
                    let candidate = (rule: ruleIndex, left: xFirst ? nameX : nameY, right: xFirst ? nameY : nameX)
                    if let current = best[rule.effect.id] {
                        let sameRuleButLater =
                            ruleIndex == current.rule
                            && (candidate.left, candidate.right) >= (current.left, current.right)
                        if sameRuleButLater || ruleIndex != current.rule && !isBetter(ruleIndex, than: current.rule) {
                            continue
                        }
                    }
                    best[rule.effect.id] = candidate
                }
            }
        }
        return best.values.sorted { $0.rule < $1.rule }.map { found in
            let rule = table.rules[found.rule]
            return PrescribingAlert(
                kind: .interaction, severity: rule.severity, drugs: [found.left, found.right],
                message: "\(found.left) with \(found.right): \(rule.effect.text)", advice: rule.advice)
        }
    }

    private func isBetter(_ candidate: Int, than current: Int) -> Bool {
        let rules = reference.interactions.rules
        let (x, y) = (rules[candidate], rules[current])
        if x.severity != y.severity { return x.severity < y.severity }
        if x.specificity != y.specificity { return x.specificity > y.specificity }
        return candidate < current
    }
}
