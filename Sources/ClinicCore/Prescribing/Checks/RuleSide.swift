/// One side of a rule in the data: a drug, or every member of a class.
public enum RuleSide: Hashable, Sendable, CustomStringConvertible {
    case drug(String)
    case drugClass(String)

    /// As written in the data: `warfarin`, `class:nsaids`.
    public var description: String {
        switch self {
        case let .drug(name): name
        case let .drugClass(id): "class:\(id)"
        }
    }

    /// Reads a side and the single-ingredient drugs it stands for; refuses unknown names,
    /// combinations (rules name their ingredients) and empty classes.
    static func parse(_ text: String, in formulary: Formulary, line: ReferenceLine) throws(ReferenceDataError)
        -> (side: RuleSide, members: Set<Int>)
    {
        if text.hasPrefix("class:") {
            let id = String(text.dropFirst("class:".count))
            guard formulary.drugClass(id: id) != nil else {
                throw line.error("unknown class “\(id)”\(Formulary.nearest(id, in: Set(formulary.classes.map(\.id)))).")
            }
            let members = formulary.members(id)
            if members.isEmpty { throw line.error("class “\(id)” has no members.") }
            return (.drugClass(id), members)
        }
        guard !text.isEmpty else { throw line.error("a drug or class is missing.") }
        guard let index = formulary.index(of: text) else {
            let hint = formulary.suggestions(for: text, limit: 1).first.map { " (did you mean \($0)?)" } ?? ""
            throw line.error("unknown drug “\(text)”\(hint); write class:<id> for a class.")
        }
        let drug = formulary.drugs[index]
        guard !drug.isCombination else {
            throw line.error(
                "“\(text)” is a combination; name its ingredient (\(drug.ingredients.joined(separator: ", "))).")
        }
        return (.drug(drug.name), [index])
    }

    var isDrug: Bool {
        if case .drug = self { return true }
        return false
    }
}
