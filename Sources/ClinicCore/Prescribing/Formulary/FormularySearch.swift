/// One drug found by a formulary search, with the name that matched.
public struct FormularyMatch: Hashable, Sendable {
    /// How well the query matched; better matches sort first.
    public enum Rank: Int, Comparable, Sendable {
        /// The query is the whole name (`"aspirin"`).
        case exact
        /// The name starts with the query (`"amox"` → amoxicillin).
        case prefix
        /// Every query word starts a word of the name (`"clav"` → co-amoxiclav through
        /// "amoxicillin + clavulanic acid").
        case wordPrefix

        public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let drug: Drug
    /// The name, synonym or brand that matched (`"Tylenol"` for paracetamol).
    public let matchedName: String
    public let rank: Rank

    /// "paracetamol (Tylenol)" when a synonym matched, else the drug's name.
    public var title: String {
        ReferenceName.key(matchedName) == ReferenceName.key(drug.name) ? drug.name : "\(drug.name) (\(matchedName))"
    }
}

extension Formulary {
    /// Drugs whose name, synonym or brand matches what has been typed so far, best first:
    /// exact names, then names starting with the query, then names with a word starting with
    /// each query word. Ingredient-only entries are left out (they cannot be prescribed alone);
    /// their combinations are found through them.
    public func search(_ query: String, limit: Int = 20) -> [FormularyMatch] {
        searchIndex.search(query, limit: limit).map {
            FormularyMatch(drug: drugs[$0.drug], matchedName: $0.name, rank: $0.rank)
        }
    }

    /// Names close to an unknown one, for "did you mean": prefix matches first, then near
    /// misspellings of any name or synonym.
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        var titles: [String] = []
        for match in search(name, limit: limit) where !titles.contains(match.title) { titles.append(match.title) }
        for hit in searchIndex.nearMisses(name, limit: limit) {
            let title = FormularyMatch(drug: drugs[hit.drug], matchedName: hit.name, rank: .exact).title
            if !titles.contains(title) { titles.append(title) }
        }
        return Array(titles.prefix(limit))
    }

    /// `"Did you mean amoxicillin or co-amoxiclav?"` for an unknown name, or nil with nothing close.
    public func didYouMean(_ name: String) -> String? {
        let names = suggestions(for: name)
        guard let last = names.last else { return nil }
        return "Did you mean " + (names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last)
            + "?"
    }
}

/// The names of every drug as byte strings, prepared once for search as you type.
struct FormularySearchIndex: Sendable {
    struct Entry: Sendable {
        let drug: Int
        let name: String
        let key: [UInt8]
        let words: [[UInt8]]
        let isOwnName: Bool
        let isCombination: Bool
    }

    struct Hit {
        let drug: Int
        let name: String
        let rank: FormularyMatch.Rank
        let isOwnName: Bool
        var isCombination = false
    }

    let entries: [Entry]

    init(drugs: [Drug], aliases: [Int: [String]]) {
        var entries: [Entry] = []
        for (index, drug) in drugs.enumerated() where !drug.isIngredientOnly {
            let names = [drug.name] + drug.synonyms + (aliases[index] ?? [])
            for (position, name) in names.enumerated() {
                let key = ReferenceName.key(name)
                entries.append(
                    Entry(
                        drug: index, name: name, key: Array(key.utf8),
                        words: key.split(separator: " ").map { Array($0.utf8) }, isOwnName: position == 0,
                        isCombination: drug.isCombination))
            }
        }
        self.entries = entries
    }

    func search(_ query: String, limit: Int) -> [Hit] {
        let key = ReferenceName.key(query)
        guard !key.isEmpty, limit > 0 else { return [] }
        let keyBytes = Array(key.utf8)
        let queryWords = key.split(separator: " ").map { Array($0.utf8) }
        var best: [Int: Hit] = [:]
        for entry in entries {
            let rank: FormularyMatch.Rank
            if entry.key == keyBytes {
                rank = .exact
            } else if entry.key.starts(with: keyBytes) {
                rank = .prefix
            } else if queryWords.allSatisfy({ word in entry.words.contains { $0.starts(with: word) } }) {
                rank = .wordPrefix
            } else {
                continue
            }
            let hit = Hit(
                drug: entry.drug, name: entry.name, rank: rank, isOwnName: entry.isOwnName,
                isCombination: entry.isCombination)
            if let current = best[entry.drug], !Self.isBetter(hit, than: current) { continue }
            best[entry.drug] = hit
        }
        return Array(best.values.sorted { Self.isBetter($0, than: $1) }.prefix(limit))
    }

    /// Names within a few edits of `query`, closest first; a whole name before one word of a name.
    func nearMisses(_ query: String, limit: Int) -> [Hit] {
        let key = Array(ReferenceName.key(query).utf8)
        guard key.count >= 3 else { return [] }
        let allowed = key.count <= 5 ? 1 : 2
        var best: [Int: (score: Int, hit: Hit)] = [:]
        for entry in entries {
            let whole = EditDistance.between(key, entry.key, limit: allowed)
            let word =
                entry.words.count > 1
                ? entry.words.map { EditDistance.between(key, $0, limit: allowed) }.min() ?? allowed + 1 : whole
            // Twice the distance, plus one when only a word of the name is close.
            let score = min(whole * 2, word * 2 + 1)
            guard score <= allowed * 2 + 1 else { continue }
            if let current = best[entry.drug], current.score <= score { continue }
            best[entry.drug] = (
                score, Hit(drug: entry.drug, name: entry.name, rank: .exact, isOwnName: entry.isOwnName)
            )
        }
        return best.values.sorted {
            ($0.score, $0.hit.name.count, $0.hit.name) < ($1.score, $1.hit.name.count, $1.hit.name)
        }
        .prefix(limit).map(\.hit)
    }

    /// Better rank first; then a drug's own name over a synonym; then a single drug over a
    /// combination; then the shorter name, then alphabetical.
    static func isBetter(_ a: Hit, than b: Hit) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.isOwnName != b.isOwnName { return a.isOwnName }
        if a.isCombination != b.isCombination { return !a.isCombination }
        if a.name.count != b.name.count { return a.name.count < b.name.count }
        return a.name < b.name
    }
}
