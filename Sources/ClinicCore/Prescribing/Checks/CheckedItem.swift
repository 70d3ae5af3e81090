import Foundation

/// A prescription line with its drug looked up in the formulary.
struct CheckedItem {
    enum Role {
        case new
        case samePrescription
        case current

        var noun: String {
            switch self {
            case .new: "new item"
            case .samePrescription: "on this prescription"
            case .current: "current medicine"
            }
        }
    }

    let line: PrescriptionLine
    let role: Role
    /// The drug name as entered, trimmed.
    let entered: String
    /// The formulary drug, if found.
    let product: Int?
    /// Its single-ingredient drugs.
    let ingredients: [Int]
    /// In a form that acts locally (a cream), so left out of interaction and duplicate checks.
    let actsLocally: Bool

    init(_ line: PrescriptionLine, role: Role, formulary: Formulary) {
        self.line = line
        self.role = role
        entered = line.drug.trimmedWhitespace
        let product = formulary.index(of: entered) ?? Self.withoutStrength(entered).flatMap { formulary.index(of: $0) }
        self.product = product
        ingredients = product.map { formulary.ingredientIndices[$0] } ?? []
        let form = line.form.trimmedWhitespace
        actsLocally = !form.isEmpty && formulary.form(named: form)?.actsLocally == true
    }

    /// Whether interaction and duplicate checks look at this item.
    var isCheckedAgainstOthers: Bool { product != nil && !actsLocally }

    /// The name as entered, with the ingredient in brackets when it differs
    /// (`co-amoxiclav (amoxicillin)`, `Tylenol (paracetamol)`).
    func name(through ingredient: Int, in formulary: Formulary) -> String {
        let ingredientName = formulary.drugs[ingredient].name
        return ReferenceName.key(entered) == ReferenceName.key(ingredientName)
            ? entered : "\(entered) (\(ingredientName))"
    }

    /// `"amoxicillin 500 mg"` → `"amoxicillin"`: the words before the first number.
    static func withoutStrength(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard let first = words.firstIndex(where: { $0.first?.isNumber == true || $0.first == "." }), first > 0 else {
            return nil
        }
        return words[..<first].joined(separator: " ")
    }
}
