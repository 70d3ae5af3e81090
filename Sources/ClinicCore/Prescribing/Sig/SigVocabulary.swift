/// The sig shorthand the clinic accepts, loaded from `data/sig/`: routes, frequencies, units,
/// timing and as-needed phrases, verbs, and the do-not-use list.
public struct SigVocabulary: Sendable {
    public let routes: [SigRoute]
    public let frequencies: [SigFrequency]
    public let units: [SigUnit]
    public let doNotUse: [DoNotUseEntry]
    let phrases: [String: SigMeaning]
    /// For each first word, the most words a phrase starting with it has.
    let longestPhraseByFirstWord: [String: Int]
    let trailingZero: DoNotUseEntry
    let noLeadingZero: DoNotUseEntry
    /// Single-word keys, for "did you mean".
    let words: [String]
    /// Their bytes, for the edit distance (made once, not on every unknown word).
    let wordBytes: [[UInt8]]

    /// The route a word or route name stands for (`"po"`, `"by mouth"` and `"oral"` are all oral).
    public func route(named name: String) -> SigRoute? {
        if case let .route(route) = phrases[SigToken.key(ofPhrase: name)] { return route }
        return routes.first { $0.route == name.lowercased() }
    }

    /// The unit a word stands for (`"tabs"` → tablet).
    public func unit(named name: String) -> SigUnit? {
        if case let .unit(unit) = phrases[SigToken.key(ofPhrase: name)] { return unit }
        return nil
    }

    /// The longest phrase starting at `position`, with how many tokens it spans.
    func phrase(at position: Int, in tokens: [SigToken]) -> (meaning: SigMeaning, length: Int)? {
        guard let longest = longestPhraseByFirstWord[tokens[position].key] else { return nil }
        var length = min(longest, tokens.count - position)
        while length > 0 {
            let key =
                length == 1 ? tokens[position].key : tokens[position..<(position + length)].map(\.key).joined(separator: " ")
            if let meaning = phrases[key] { return (meaning, length) }
            length -= 1
        }
        return nil
    }

    /// A known word one or two letters away from an unknown one.
    func closestWord(to key: String, within limit: Int = 2) -> String? {
        guard key.count >= 2, key.contains(where: \.isLetter) else { return nil }
        let target = Array(key.utf8)
        let allowed = key.count <= 3 ? 1 : limit
        var best: (distance: Int, word: String)?
        for (word, bytes) in zip(words, wordBytes) {
            let distance = EditDistance.between(target, bytes, limit: allowed)
            guard distance <= allowed else { continue }
            if best.map({ (distance, word) < ($0.distance, $0.word) }) ?? true { best = (distance, word) }
        }
        return best?.word
    }

    /// Every do-not-use abbreviation and number style in a prescription field, in order.
    public func doNotUseFindings(in text: String) -> [DoNotUseFinding] {
        doNotUseFindings(in: text, tokens: SigToken.tokens(of: text))
    }

    /// The same, for text already split into tokens.
    func doNotUseFindings(in text: String, tokens: [SigToken]) -> [DoNotUseFinding] {
        var findings: [DoNotUseFinding] = []
        var position = 0
        while position < tokens.count {
            if let (meaning, length) = phrase(at: position, in: tokens), case let .doNotUse(entry) = meaning {
                let written = tokens[position..<(position + length)].map(\.text).joined(separator: " ")
                findings.append(DoNotUseFinding(written: written, entry: entry))
                position += length
                continue
            }
            position += 1
        }
        for problem in NumberStyle.problems(in: text) {
            findings.append(DoNotUseFinding(written: problem.written, entry: entry(for: problem)))
        }
        return findings
    }

    func entry(for problem: NumberStyle.Problem) -> DoNotUseEntry {
        switch problem {
        case .trailingZero: trailingZero
        case .noLeadingZero: noLeadingZero
        }
    }
}

/// A do-not-use abbreviation found where it was written.
public struct DoNotUseFinding: Hashable, Sendable, CustomStringConvertible {
    /// As written ("QD", "1.0").
    public let written: String
    public let entry: DoNotUseEntry

    /// `“QD” must not be used (mistaken for QID (four times a day)): write “daily”.`
    public var description: String {
        "“\(written)” must not be used (\(entry.reason)): write “\(entry.replacement)”."
    }
}
