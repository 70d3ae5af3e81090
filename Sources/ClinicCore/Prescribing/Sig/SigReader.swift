/// The state of reading one sig, token by token.
struct SigReader {
    let vocabulary: SigVocabulary
    let tokens: [SigToken]
    var position = 0
    var verb: String?
    var dose: SigNumber?
    var unit: SigUnit?
    var route: SigRoute?
    var frequency: SigFrequency?
    var timings: [String] = []
    var asNeeded: String?
    var reason: [String] = []
    var duration: (days: Int, words: String)?
    var maximum: (count: SigNumber, unit: SigUnit?)?
    var instructions: [String] = []
    var problems: [SigProblem] = []

    mutating func read() {
        while position < tokens.count { step() }
    }

    private mutating func step() {
        if let (meaning, length) = vocabulary.phrase(at: position, in: tokens) {
            let written = tokens[position..<(position + length)].map(\.text).joined(separator: " ")
            position += length
            apply(meaning, written: written)
            return
        }
        if readIntervalRange() || readDuration() || readMaximum() || readDose() { return }
        let token = tokens[position]
        position += 1
        // After "prn", words the vocabulary does not know are the reason ("prn pain"), unless
        // they look like a misspelt sig word.
        if asNeeded != nil, token.isWord, vocabulary.closestWord(to: token.key, within: 1) == nil {
            if !(reason.isEmpty && token.key == "for") { reason.append(token.text) }
            return
        }
        let suggestion = vocabulary.closestWord(to: token.key)
        problems.append(token.isNumber ? .strayNumber(token.text) : .unknownWord(token.text, suggestion: suggestion))
    }

    private mutating func apply(_ meaning: SigMeaning, written: String) {
        switch meaning {
        case let .doNotUse(entry):
            problems.append(.doNotUse(DoNotUseFinding(written: written, entry: entry)))
        case let .route(new):
            if let route, route != new {
                problems.append(.conflict(what: "routes", first: route.words, second: new.words))
            }
            route = new
        case let .frequency(new):
            if let frequency, frequency != new {
                problems.append(.conflict(what: "frequencies", first: frequency.words, second: new.words))
            }
            frequency = new
        case let .unit(new):
            if dose == nil {
                problems.append(.unitWithoutDose(written))
            } else if let unit, unit != new {
                problems.append(.conflict(what: "units", first: unit.plural, second: new.plural))
            }
            unit = new
        case let .timing(words):
            if !timings.contains(words) { timings.append(words) }
        case let .asNeeded(words):
            asNeeded = words
        case let .instruction(words):
            if !instructions.contains(words) { instructions.append(words) }
        case let .verb(words):
            if let verb, verb != words { problems.append(.conflict(what: "verbs", first: verb, second: words)) }
            verb = words
        }
    }

    /// `1`, `1/2`, `1-2` or `1 to 2`, as the dose.
    private mutating func readDose() -> Bool {
        guard let number = SigNumber(tokens[position].key) else { return false }
        guard dose == nil else { return false }
        position += 1
        if position + 1 < tokens.count, tokens[position].key == "to", let high = SigNumber(tokens[position + 1].key) {
            position += 2
            dose = SigNumber(low: number, high: high)
        } else {
            dose = number
        }
        return true
    }

    /// `q4-6h`: every 4 to 6 hours, counted at the shorter interval.
    private mutating func readIntervalRange() -> Bool {
        let key = tokens[position].key
        guard key.hasPrefix("q"), key.hasSuffix("h") else { return false }
        let bounds = key.dropFirst().dropLast().split(separator: "-")
        guard bounds.count == 2, let short = Int(bounds[0]), let long = Int(bounds[1]), short < long,
            case let .frequency(often)? = vocabulary.phrases["q\(short)h"], vocabulary.phrases["q\(long)h"] != nil
        else { return false }
        position += 1
        apply(
            .frequency(SigFrequency(words: "every \(short) to \(long) hours", doses: often.doses)),
            written: tokens[position - 1].text)
        return true
    }
}
