import Foundation

extension PrescribingChecker {
    /// Each new item against each recorded allergy: the same drug or class is interruptive, a
    /// cross-reactive drug a warning; one alert per item and allergy, the most serious.
    func allergyAlerts(
        _ items: [CheckedItem], allergies: [Allergy], status: AllergyStatus, note: String
    ) -> [PrescribingAlert] {
        var alerts: [PrescribingAlert] = []
        let names = Self.list(items.map(\.entered).filter { !$0.isEmpty })
        if status == .notAsked, !items.isEmpty {
            alerts.append(
                PrescribingAlert(
                    kind: .allergiesNotAsked, severity: .interruptive, drugs: items.map(\.entered),
                    message: "Allergies not yet asked: the allergy check could not run for \(names).",
                    advice:
                        "Ask the patient about allergies and record them, record “no known allergies”, or record that they could not be asked and why, before signing."
                ))
        }
        if status == .unableToAsk, !items.isEmpty {
            let note = note.trimmedWhitespace
            let why = note.isEmpty ? "" : " (\(note))"
            alerts.append(
                PrescribingAlert(
                    kind: .allergiesUnknown, severity: .warning, drugs: items.map(\.entered),
                    message: "Allergies unknown — unable to ask\(why): \(names) could not be checked for allergy.",
                    advice: "Prefer medicines with a low allergy risk, and ask about allergies as soon as the patient can answer."
                ))
        }
        for allergy in allergies {
            switch Allergen.lookUp(allergy, in: reference) {
            case .notADrug:
                continue
            case .unknown:
                alerts.append(
                    PrescribingAlert(
                        kind: .unknownDrug, severity: .warning, drugs: [allergy.substance],
                        message:
                            "The recorded allergy to “\(allergy.substance)” is not in the formulary: the new items were not checked against it.",
                        advice:
                            "Record the allergy as a drug or class from the formulary, or check the new items by hand.")
                )
            case let .found(allergen):
                for item in items where item.product != nil {
                    if let alert = alert(for: item, allergen) { alerts.append(alert) }
                }
            }
        }
        return alerts
    }

    private func alert(for item: CheckedItem, _ allergen: Allergen) -> PrescribingAlert? {
        let formulary = reference.formulary
        let rules = reference.allergyRules
        var warning: PrescribingAlert?
        for ingredient in item.ingredients {
            let name = item.name(through: ingredient, in: formulary)
            let drugs = [name, allergen.allergy.substance]
            if allergen.ingredients.contains(ingredient) {
                return PrescribingAlert(
                    kind: .allergy, severity: .interruptive, drugs: drugs,
                    message: "\(name): recorded \(allergen.recorded).", advice: rules.sameDrugAdvice)
            }
            let classes = (allergen.namedClass.map { [$0] } ?? []) + allergen.allergyClasses
            if let id = classes.first(where: { formulary.members($0).contains(ingredient) }),
                let drugClass = formulary.drugClass(id: id)
            {
                return PrescribingAlert(
                    kind: .allergy, severity: .interruptive, drugs: drugs,
                    message: "\(name) is one of the \(drugClass.label): recorded \(allergen.recorded).",
                    advice: rules.classAdvice[id] ?? "Do not give any of the \(drugClass.label).")
            }
            guard warning == nil else { continue }
            for (id, advice) in rules.groups {
                let members = formulary.members(id)
                guard members.contains(ingredient),
                    !allergen.covered.subtracting([ingredient]).isDisjoint(with: members),
                    let group = formulary.drugClass(id: id)
                else { continue }
                warning = PrescribingAlert(
                    kind: .crossReactivity, severity: .warning, drugs: drugs,
                    message: "\(name) may cross-react with the recorded \(allergen.recorded): both are \(group.label).",
                    advice: advice)
                break
            }
            if warning != nil { continue }
            for pair in rules.crossReactions {
                let fits =
                    allergen.touches(pair.first, members: pair.firstMembers) && pair.secondMembers.contains(ingredient)
                    || allergen.touches(pair.second, members: pair.secondMembers)
                        && pair.firstMembers.contains(ingredient)
                guard fits else { continue }
                warning = PrescribingAlert(
                    kind: .crossReactivity, severity: .warning, drugs: drugs,
                    message: "\(name) may cross-react with the recorded \(allergen.recorded).",
                    advice: pair.text)
                break
            }
        }
        return warning
    }
}
