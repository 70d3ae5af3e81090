import Foundation

/// A recorded allergy looked up in the formulary: a drug (through its ingredients) or a class.
struct Allergen {
    let allergy: Allergy
    /// The allergen's ingredients, when it is a drug.
    let ingredients: Set<Int>
    /// The class, when the allergy names one.
    let namedClass: String?
    /// Every drug the allergy covers directly: the ingredients, or the named class's members.
    let covered: Set<Int>
    /// Allergy classes (from the rules) the allergen drug belongs to.
    let allergyClasses: [String]

    enum Lookup {
        case found(Allergen)
        /// A drug or class allergy the formulary does not know.
        case unknown
        /// Not a drug allergy (food, environmental): nothing to check.
        case notADrug
    }

    static func lookUp(_ allergy: Allergy, in reference: PrescribingReference) -> Lookup {
        let formulary = reference.formulary
        let substance = allergy.substance.trimmedWhitespace
        func asDrug() -> Allergen? {
            guard let index = formulary.index(of: substance) else { return nil }
            let ingredients = Set(formulary.ingredientIndices[index])
            let classes = reference.allergyRules.classIDs.filter {
                !formulary.members($0).isDisjoint(with: ingredients)
            }
            return Allergen(
                allergy: allergy, ingredients: ingredients, namedClass: nil, covered: ingredients,
                allergyClasses: classes)
        }
        func asClass() -> Allergen? {
            guard let drugClass = formulary.drugClass(named: substance) else { return nil }
            return Allergen(
                allergy: allergy, ingredients: [], namedClass: drugClass.id, covered: formulary.members(drugClass.id),
                allergyClasses: [])
        }
        let found: Allergen?
        switch allergy.substanceKind {
        case .drug: found = asDrug() ?? asClass()
        case .drugClass: found = asClass() ?? asDrug()
        case .other: return (asDrug() ?? asClass()).map { .found($0) } ?? .notADrug
        case .food, .environmental: return .notADrug
        }
        return found.map { .found($0) } ?? .unknown
    }

    /// Whether the allergen is, or covers a member of, one side of a cross-reactivity rule.
    func touches(_ side: RuleSide, members: Set<Int>) -> Bool {
        if case let .drugClass(id) = side, id == namedClass { return true }
        return !covered.isDisjoint(with: members)
    }

    /// `allergy to penicillin (rash, severe)`.
    var recorded: String {
        let details = [
            allergy.reaction.trimmedWhitespace,
            allergy.severity == .unknown ? "" : allergy.severity.rawValue,
        ]
        .filter { !$0.isEmpty }
        let substance = allergy.substance.trimmedWhitespace
        return details.isEmpty
            ? "allergy to \(substance)" : "allergy to \(substance) (\(details.joined(separator: ", ")))"
    }
}
