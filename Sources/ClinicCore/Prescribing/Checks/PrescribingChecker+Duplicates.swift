extension PrescribingChecker {
    /// The same ingredient in both items, or two members of a duplicate-therapy class.
    func duplicateAlerts(_ a: CheckedItem, _ b: CheckedItem) -> [PrescribingAlert] {
        guard a.isCheckedAgainstOthers, b.isCheckedAgainstOthers else { return [] }
        let formulary = reference.formulary
        let rules = reference.duplicates
        let shared = Set(a.ingredients).intersection(b.ingredients)
        if !shared.isEmpty {
            return shared.sorted().map { ingredient in
                let names = [a.entered, b.entered].sorted(by: Self.byName)
                let ingredientName = formulary.drugs[ingredient].name
                let message = ReferenceName.key(names[0]) == ReferenceName.key(names[1])
                    ? "\(names[0]) appears twice (\(Self.roles(a, b)))."
                    : "\(names[0]) and \(names[1]) both contain \(ingredientName)."
                return PrescribingAlert(kind: .duplicateTherapy, severity: rules.sameIngredient.severity, drugs: names,
                                        message: message, advice: rules.sameIngredient.advice)
            }
        }
        return rules.classRules.compactMap { rule in
            guard let x = a.ingredients.first(where: rule.members.contains),
                  let y = b.ingredients.first(where: { rule.members.contains($0) && $0 != x }),
                  let id = rule.classID, let drugClass = formulary.drugClass(id: id)
            else { return nil }
            let names = [a.name(through: x, in: formulary), b.name(through: y, in: formulary)].sorted(by: Self.byName)
            return PrescribingAlert(kind: .duplicateTherapy, severity: rule.severity, drugs: names,
                                    message: "\(names[0]) and \(names[1]) are both \(drugClass.label).", advice: rule.advice)
        }
    }

    /// Alphabetical, ignoring case, so the order drugs were prescribed in never shows.
    static func byName(_ a: String, _ b: String) -> Bool {
        (a.lowercased(), a) < (b.lowercased(), b)
    }

    private static func roles(_ a: CheckedItem, _ b: CheckedItem) -> String {
        a.role == b.role ? "twice \(a.role == .current ? "among the current medicines" : "on this prescription")"
            : "new, and \(b.role == .current ? "already taken" : "already on this prescription")"
    }
}
