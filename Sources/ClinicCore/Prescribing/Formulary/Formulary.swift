/// The medicines the clinic prescribes from, with their classes and dosage forms, loaded from
/// `data/formulary/`. Look-ups ignore case, diacritics and punctuation and accept any synonym or
/// brand (`"Acetaminophen"`, `"Tylenol"` and `"paracetamol"` are one drug).
public struct Formulary: Sendable {
    /// Every drug, single ingredients first, in file order.
    public let drugs: [Drug]
    /// Every class, in file order.
    public let classes: [DrugClass]
    /// Every dosage form, in file order.
    public let forms: [DosageForm]

    let drugByKey: [String: Int]
    let classByKey: [String: Int]
    let classByID: [String: Int]
    let formByKey: [String: Int]
    /// For each drug, the indices of its single-ingredient drugs.
    let ingredientIndices: [[Int]]
    /// For each class id, the single-ingredient drugs in it, directly or through `includes`.
    let membersByClass: [String: Set<Int>]
    /// For each single-ingredient drug, the ids of every class it belongs to.
    let classIDsByDrug: [Set<String>]
    let searchIndex: FormularySearchIndex

    /// The drug with this name, synonym or brand.
    public func drug(named name: String) -> Drug? {
        index(of: name).map { drugs[$0] }
    }

    /// The class with this id, label or synonym (`"penicillin"`, `"sulfa"`, `"ACE inhibitors"`).
    public func drugClass(named name: String) -> DrugClass? {
        classByKey[ReferenceName.key(name)].map { classes[$0] }
    }

    /// The class with exactly this id.
    public func drugClass(id: String) -> DrugClass? {
        classByID[id].map { classes[$0] }
    }

    /// The dosage form with this name.
    public func form(named name: String) -> DosageForm? {
        formByKey[ReferenceName.key(name)].map { forms[$0] }
    }

    /// The single-ingredient drugs a product is made of (itself for a single drug).
    public func ingredients(of drug: Drug) -> [Drug] {
        guard let index = index(of: drug.name) else { return [] }
        return ingredientIndices[index].map { drugs[$0] }
    }

    /// The members of a class, directly or through `includes`, by name.
    public func members(of classID: String) -> [Drug] {
        (membersByClass[classID] ?? []).map { drugs[$0] }.sorted { $0.name < $1.name }
    }

    /// Every class a drug belongs to (through its ingredients for a combination), by id.
    public func classes(of drug: Drug) -> [DrugClass] {
        guard let index = index(of: drug.name) else { return [] }
        let ids = ingredientIndices[index].reduce(into: Set<String>()) { $0.formUnion(classIDsByDrug[$1]) }
        return classes.filter { ids.contains($0.id) }
    }

    /// True when `drug` (or one of its ingredients) is a member of the class.
    public func drug(_ drug: Drug, isIn classID: String) -> Bool {
        guard let index = index(of: drug.name), let members = membersByClass[classID] else { return false }
        return ingredientIndices[index].contains { members.contains($0) }
    }

    func index(of name: String) -> Int? {
        drugByKey[ReferenceName.key(name)]
    }

    func members(_ classID: String) -> Set<Int> {
        membersByClass[classID] ?? []
    }
}
