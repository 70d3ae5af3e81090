extension Formulary {
    /// Loads and cross-checks the formulary files: every class, form and ingredient a line names
    /// must exist, and no name or synonym may belong to two drugs.
    public init(files: FormularyFiles) throws(ReferenceDataError) {
        let forms = try Self.parseForms(files.forms)
        let classes = try Self.parseClasses(files.classes)
        let formByKey = Dictionary(
            forms.enumerated().map { (ReferenceName.key($1.form.name), $0) }, uniquingKeysWith: { a, _ in a })
        let classByID = Dictionary(classes.enumerated().map { ($1.drugClass.id, $0) }, uniquingKeysWith: { a, _ in a })
        let singles = try Self.parseDrugs(files.drugs, forms: formByKey, classes: classByID)
        var names = NameRegistry()
        for (index, entry) in singles.enumerated() { try names.register(entry, as: index) }
        let singleByKey = names.keys
        let combinations = try Self.parseCombinations(
            files.combinations, forms: formByKey, singles: singleByKey,
            singleDrugs: singles.map(\.drug))
        for (offset, entry) in combinations.enumerated() { try names.register(entry, as: singles.count + offset) }
        let drugs = singles.map(\.drug) + combinations.map(\.drug)
        let ingredientIndices = drugs.map { drug in drug.ingredients.compactMap { singleByKey[ReferenceName.key($0)] } }
        let membership = try Self.membership(classes: classes, drugs: singles.map(\.drug))
        self.drugs = drugs
        self.classes = classes.map(\.drugClass)
        self.forms = forms.map(\.form)
        self.drugByKey = names.keys
        self.classByKey = try Self.classKeys(classes)
        self.classByID = classByID
        self.formByKey = formByKey
        self.ingredientIndices = ingredientIndices
        self.membersByClass = membership.members
        self.classIDsByDrug = membership.classesByDrug
        self.searchIndex = FormularySearchIndex(drugs: drugs, aliases: names.aliases)
    }

    /// Every name a class is known by must point at one class only.
    private static func classKeys(_ classes: [ParsedClass]) throws(ReferenceDataError) -> [String: Int] {
        var keys: [String: Int] = [:]
        for (index, parsed) in classes.enumerated() {
            let drugClass = parsed.drugClass
            for name in [drugClass.id, drugClass.label] + drugClass.synonyms {
                let key = ReferenceName.key(name)
                if let other = keys[key], other != index {
                    throw parsed.line.error("“\(name)” already names the class \(classes[other].drugClass.id).")
                }
                keys[key] = index
            }
        }
        return keys
    }

    /// Class members, following `includes` upwards, and each drug's classes; refuses cycles.
    private static func membership(classes: [ParsedClass], drugs: [Drug])
        throws(ReferenceDataError) -> (members: [String: Set<Int>], classesByDrug: [Set<String>])
    {
        var includedBy: [String: [String]] = [:]
        for parsed in classes {
            for child in parsed.drugClass.includes { includedBy[child, default: []].append(parsed.drugClass.id) }
        }
        var ancestors: [String: Set<String>] = [:]
        for parsed in classes {
            let id = parsed.drugClass.id
            var seen: Set<String> = []
            var stack = [id]
            while let next = stack.popLast() {
                for parent in includedBy[next] ?? [] {
                    if parent == id {
                        throw parsed.line.error("class \(id) includes itself through \(next).")
                    }
                    if seen.insert(parent).inserted { stack.append(parent) }
                }
            }
            ancestors[id] = seen.union([id])
        }
        var members: [String: Set<Int>] = [:]
        var classesByDrug: [Set<String>] = []
        for (index, drug) in drugs.enumerated() {
            let all = drug.classIDs.reduce(into: Set<String>()) { $0.formUnion(ancestors[$1] ?? [$1]) }
            classesByDrug.append(all)
            for id in all { members[id, default: []].insert(index) }
        }
        return (members, classesByDrug)
    }
}

/// The name, synonym and alias keys of every drug, refusing a key that two drugs share.
struct NameRegistry {
    private(set) var keys: [String: Int] = [:]
    private var owners: [Int: (name: String, file: String, line: Int)] = [:]
    /// Searchable names per drug beyond its own name and synonyms (combination ingredient aliases).
    private(set) var aliases: [Int: [String]] = [:]

    mutating func register(_ entry: ParsedDrug, as index: Int) throws(ReferenceDataError) {
        owners[index] = (entry.drug.name, entry.line.file, entry.line.number)
        for name in [entry.drug.name] + entry.drug.synonyms + entry.aliases {
            let key = ReferenceName.key(name)
            guard !key.isEmpty else { throw entry.line.error("“\(name)” is not a usable name.") }
            if let other = keys[key], other != index, let owner = owners[other] {
                let place = owner.file == entry.line.file ? "line \(owner.line)" : "\(owner.file) line \(owner.line)"
                throw entry.line.error("“\(name)” already names \(owner.name) (\(place)).")
            }
            keys[key] = index
        }
        if !entry.aliases.isEmpty { aliases[index] = entry.aliases }
    }
}
