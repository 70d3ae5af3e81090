extension PatientSearch {
    /// The fewest digits searched by trigrams that stand apart rather than as one phrase.
    static let spacedTrigramsFrom = 6

    /// The phone full-text expression for numbers that may contain `digits` (three or more);
    /// the query confirms the run itself with `instr(p.phone_digits, …)`.
    ///
    /// Digits have only a thousand trigrams, so each one's list in the index is long (about one
    /// number in a hundred at a million patients), and a phrase makes FTS5 read the list of every
    /// trigram in it: a whole number costs ten lists. Up to three trigrams that do not overlap,
    /// taken from the end (where numbers differ; they share their beginnings), narrow as well
    /// as the phrase at a third of the reading: `07752413668` → `"668" "413" "752"`.
    static func phoneMatch(_ digits: String) -> String {
        guard digits.count >= spacedTrigramsFrom else { return quoted(digits) }
        let characters = Array(digits)
        let trigrams = (1...3).compactMap { index -> String? in
            let end = characters.count - 3 * (index - 1)
            return end >= 3 ? String(characters[(end - 3)..<end]) : nil
        }
        return trigrams.map(quoted).joined(separator: " ")
    }
}
