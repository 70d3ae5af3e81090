/// Reads sig shorthand into words and a quantity, refusing do-not-use abbreviations.
///
///     let sig = try SigParser(vocabulary: reference.sig).parse("1 tab po bid pc x7d")
///     sig.text        // "Take 1 tablet by mouth twice a day after meals for 7 days"
///     sig.quantity    // 14 tablets
///
/// Besides the vocabulary it understands durations (`x7d`, `x 2 weeks`, `for 10 days`; a
/// month counts as 30 days), interval ranges (`q4-6h`), dose ranges (`1-2`, `1 to 2`), a daily
/// maximum (`max 8 tabs/24h`), and the reason after `prn` (`prn pain`). Every problem is
/// reported at once, each naming the word at fault.
public struct SigParser: Sendable {
    public let vocabulary: SigVocabulary

    public init(vocabulary: SigVocabulary) {
        self.vocabulary = vocabulary
    }

    /// The sig in words, or every reason it cannot be read.
    public func parse(_ text: String) throws(SigError) -> Sig {
        try parse(text, tokens: SigToken.tokens(of: text))
    }

    /// The same, for text already split into tokens (the checks split each sig once).
    func parse(_ text: String, tokens: [SigToken]) throws(SigError) -> Sig {
        var reader = SigReader(vocabulary: vocabulary, tokens: tokens)
        reader.read()
        for problem in NumberStyle.problems(in: text) {
            reader.problems.append(
                .doNotUse(DoNotUseFinding(written: problem.written, entry: vocabulary.entry(for: problem))))
        }
        if reader.tokens.isEmpty { reader.problems.append(.empty) }
        guard reader.problems.isEmpty else { throw SigError(problems: reader.problems) }
        return reader.sig()
    }
}
