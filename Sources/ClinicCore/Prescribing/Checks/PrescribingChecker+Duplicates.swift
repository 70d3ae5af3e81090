extension PrescribingChecker {
    /// The same ingredient in both items, or two members of a duplicate-therapy class.
    func duplicateAlerts(_ a: CheckedItem, _ b: CheckedItem) -> [PrescribingAlert] {
        guard a.isCheckedAgainstOthers, b.isCheckedAgainstOthers else { return [] }
        let formulary = reference.formulary
        let rules = reference.duplicates
        let shared = a.ingredients.filter(b.ingredients.contains)
        if !shared.isEmpty {
            return shared.map { ingredient in
                let names = [a.entered, b.entered].sorted(by: Self.byName)
                let ingredientName = formulary.drugs[ingredient].name
                let message =
                    ReferenceName.key(names[0]) == ReferenceName.key(names[1])
                    ? "\(names[0]) appears twice (\(Self.roles(a, b)))."
                    : "\(names[0]) and \(names[1]) both contain \(ingredientName)."
                return PrescribingAlert(
                    kind: .duplicateTherapy, severity: rules.sameIngredient.severity, drugs: names,
                    message: message, advice: rules.sameIngredient.advice)
            }
        }
        var alerts: [PrescribingAlert] = []
        var reported: Set<Int> = []
        for x in a.ingredients {
            for ruleIndex in rules.rulesByIngredient[x] ?? [] where !reported.contains(ruleIndex) {
                guard
                    let y = b.ingredients.first(where: {
                        $0 != x && rules.rulesByIngredient[$0]?.contains(ruleIndex) == true
                    }),
                    let id = rules.classRules[ruleIndex].classID, let drugClass = formulary.drugClass(id: id)
                else { continue }
                reported.insert(ruleIndex)
                let rule = rules.classRules[ruleIndex]
                let names = [a.name(through: x, in: formulary), b.name(through: y, in: formulary)].sorted(
                    by: Self.byName)
                alerts.append(
                    PrescribingAlert(
                        kind: .duplicateTherapy, severity: rule.severity, drugs: names,
                        message: "\(names[0]) and \(names[1]) are both \(drugClass.label).", advice: rule.advice))
            }
        }
        return alerts
    }

    /// Alphabetical, ignoring case, so the order drugs were prescribed in never shows.
    static func byName(_ a: String, _ b: String) -> Bool {
        (a.lowercased(), a) < (b.lowercased(), b)
    }

    private static func roles(_ a: CheckedItem, _ b: CheckedItem) -> String {
        a.role == b.role
            ? "twice \(a.role == .current ? "among the current medicines" : "on this prescription")"
            : "new, and \(b.role == .current ? "already taken" : "already on this prescription")"
    }
}
