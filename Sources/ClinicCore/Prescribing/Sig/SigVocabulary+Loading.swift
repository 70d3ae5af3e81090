extension SigVocabulary {
    /// Loads the sig files; a token may mean one thing only, across all of them.
    public init(files: SigFiles) throws(ReferenceDataError) {
        var table = PhraseTable()
        var routes: [SigRoute] = []
        for line in try ReferenceLine.records(in: files.routes, file: SigFiles.routesFile, columns: 4) {
            let route = SigRoute(
                words: try line.required(1, "words"), route: try line.required(2, "route"),
                verb: try line.required(3, "verb"))
            routes.append(route)
            try table.add(line.list(0) + [route.words], .route(route), line)
        }
        var frequencies: [SigFrequency] = []
        for line in try ReferenceLine.records(in: files.frequencies, file: SigFiles.frequenciesFile, columns: 3) {
            let frequency = SigFrequency(words: try line.required(1, "words"), doses: try Self.doses(line))
            frequencies.append(frequency)
            try table.add(line.list(0) + [frequency.words], .frequency(frequency), line)
        }
        var units: [SigUnit] = []
        for line in try ReferenceLine.records(in: files.units, file: SigFiles.unitsFile, columns: 5) {
            guard let kind = SigUnit.Kind(rawValue: line[3]) else {
                throw line.error("kind “\(line[3])” should be counted, pack or amount.")
            }
            let unit = SigUnit(
                singular: try line.required(1, "singular"), plural: try line.required(2, "plural"),
                kind: kind, verb: line[4].isEmpty ? nil : line[4])
            units.append(unit)
            try table.add(line.list(0) + [unit.singular, unit.plural], .unit(unit), line)
        }
        for line in try ReferenceLine.records(in: files.phrases, file: SigFiles.phrasesFile, columns: 3) {
            let words = try line.required(2, "words")
            let meaning: SigMeaning
            switch line[1] {
            case "timing": meaning = .timing(words)
            case "as-needed": meaning = .asNeeded(words)
            case "instruction": meaning = .instruction(words)
            case "verb": meaning = .verb(words)
            default: throw line.error("kind “\(line[1])” should be timing, as-needed, instruction or verb.")
            }
            try table.add(line.list(0) + [words], meaning, line)
        }
        var doNotUse: [DoNotUseEntry] = []
        var patterns: [String: DoNotUseEntry] = [:]
        for line in try ReferenceLine.records(in: files.doNotUse, file: SigFiles.doNotUseFile, columns: 4) {
            let entry = DoNotUseEntry(
                tokens: line.list(0), reason: try line.required(1, "reason"),
                replacement: try line.required(2, "replacement"), source: try line.required(3, "source"))
            if entry.tokens.isEmpty { throw line.error("no abbreviation is given.") }
            doNotUse.append(entry)
            for token in entry.tokens where token.hasPrefix("<") {
                guard ["<trailing zero>", "<no leading zero>"].contains(token) else {
                    throw line.error("unknown pattern \(token); use <trailing zero> or <no leading zero>.")
                }
                patterns[token] = entry
            }
            try table.add(entry.tokens.filter { !$0.hasPrefix("<") }, .doNotUse(entry), line)
        }
        guard let trailing = patterns["<trailing zero>"], let leading = patterns["<no leading zero>"] else {
            throw ReferenceDataError(
                file: SigFiles.doNotUseFile, line: nil,
                message: "both <trailing zero> and <no leading zero> must be listed.")
        }
        self.routes = routes
        self.frequencies = frequencies
        self.units = units
        self.doNotUse = doNotUse
        self.phrases = table.phrases
        self.longestPhraseByFirstWord = table.longestByFirstWord
        self.trailingZero = trailing
        self.noLeadingZero = leading
        self.words = table.phrases.keys.filter { !$0.contains(" ") && $0.contains(where: \.isLetter) }.sorted()
        self.wordBytes = words.map { Array($0.utf8) }
    }

    /// `2`, `1/7` or `once`.
    private static func doses(_ line: ReferenceLine) throws(ReferenceDataError) -> DosesPerDay {
        let text = line[2]
        if text == "once" { return .once }
        let parts = text.split(separator: "/")
        guard (1...2).contains(parts.count), let top = Int(parts[0]), top > 0,
            let bottom = parts.count == 2 ? Int(parts[1]) : 1, bottom > 0
        else { throw line.error("doses per day “\(text)” should be a number, a fraction like 1/7, or “once”.") }
        return .perDay(numerator: top, denominator: bottom)
    }
}

/// Phrase keys to meanings, refusing a phrase that would mean two things.
private struct PhraseTable {
    var phrases: [String: SigMeaning] = [:]
    var places: [String: String] = [:]
    var longestByFirstWord: [String: Int] = [:]

    mutating func add(_ tokens: [String], _ meaning: SigMeaning, _ line: ReferenceLine) throws(ReferenceDataError) {
        for token in tokens {
            let key = SigToken.key(ofPhrase: token)
            guard !key.isEmpty else { throw line.error("“\(token)” is not a usable token.") }
            if let existing = phrases[key], existing != meaning {
                throw line.error("“\(token)” already means something else (\(places[key] ?? "")).")
            }
            phrases[key] = meaning
            places[key] = "\(line.file) line \(line.number)"
            let words = key.split(separator: " ")
            let first = String(words[0])
            longestByFirstWord[first] = max(longestByFirstWord[first] ?? 1, words.count)
        }
    }
}
