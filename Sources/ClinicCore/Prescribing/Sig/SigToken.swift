import Foundation

/// One word of a sig as typed, with the key it is looked up by.
///
/// Keys are lower case; words lose their full stops (`"B.I.D."` → `bid`) but numbers keep them
/// (`0.5`). A number glued to a unit is split (`500mg` → `500`, `mg`), and so is a unit glued to
/// a rate (`tabs/24h` → `tabs`, `/24h`).
struct SigToken: Hashable, Sendable {
    let text: String
    let key: String

    var isNumber: Bool { SigNumber(key) != nil }
    var isWord: Bool { key.allSatisfy(\.isLetter) }

    /// The tokens of a sig or of any prescription field.
    static func tokens(of text: String) -> [SigToken] {
        var tokens: [SigToken] = []
        // An ASCII character is tested without the Unicode tables (most prescriptions are ASCII).
        for chunk in text.split(whereSeparator: { $0.asciiValue.map { $0 == 32 || (9...13).contains($0) } ?? $0.isWhitespace }) {
            var word = Substring(chunk)
            while let first = word.first, punctuation.contains(first) { word = word.dropFirst() }
            while let last = word.last, punctuation.contains(last) { word = word.dropLast() }
            for part in word.split(separator: ",") { tokens.append(contentsOf: split(part)) }
        }
        return tokens
    }

    /// Punctuation around a word that is not part of it.
    private static let punctuation: Set<Character> = [",", ";", "(", ")", ":", "!", "?", "\"", "“", "”"]

    /// The key a vocabulary phrase is stored under: its words' keys joined by spaces.
    static func key(ofPhrase phrase: String) -> String {
        tokens(of: phrase).map(\.key).joined(separator: " ")
    }

    private static func split(_ word: Substring) -> [SigToken] {
        guard !word.isEmpty else { return [] }
        let numberLength = SigNumber.prefixLength(of: word)
        if numberLength > 0 && numberLength < word.count {
            let number = word.prefix(numberLength)
            return [SigToken(text: String(number), key: String(number))] + split(word.dropFirst(numberLength))
        }
        if numberLength == 0, let slash = word.firstIndex(of: "/"), slash != word.startIndex {
            return split(word[..<slash]) + [make(word[slash...])]
        }
        return [make(word)]
    }

    private static func make(_ word: Substring) -> SigToken {
        let text = String(word)
        if SigNumber.prefixLength(of: word) == word.count { return SigToken(text: text, key: text) }
        let key = text.lowercased().filter { $0 != "." }
        return SigToken(text: text, key: key.isEmpty ? text : key)
    }
}

/// A dose number: `1`, `0.5`, `1/2`, `½`, or a range `1-2`.
struct SigNumber: Hashable, Sendable {
    let low: Double
    let high: Double
    /// As the expanded sig prints it ("1/2", "1 to 2").
    let text: String

    init?(_ text: String) {
        guard !text.isEmpty, SigNumber.prefixLength(of: Substring(text)) == text.count else { return nil }
        let parts = text.split(separator: "-", maxSplits: 1)
        guard let low = SigNumber.value(parts[0]) else { return nil }
        let high = parts.count == 2 ? SigNumber.value(parts[1]) : low
        guard let high, high >= low else { return nil }
        self.low = low
        self.high = high
        let shown = parts.map {
            $0.utf8.allSatisfy { $0 < 0x80 }
                ? String($0) : $0.replacingOccurrences(of: "½", with: "1/2").replacingOccurrences(of: "¼", with: "1/4")
        }
        self.text = shown.count == 2 ? "\(shown[0]) to \(shown[1])" : shown[0]
    }

    init(low: SigNumber, high: SigNumber) {
        self.low = low.low
        self.high = high.high
        self.text = "\(low.text) to \(high.text)"
    }

    private static func value(_ part: Substring) -> Double? {
        if part == "½" { return 0.5 }
        if part == "¼" { return 0.25 }
        if part == "¾" { return 0.75 }
        let pieces = part.split(separator: "/")
        if pieces.count == 2, let top = Double(pieces[0]), let bottom = Double(pieces[1]), bottom > 0 {
            return top / bottom
        }
        return pieces.count == 1 ? Double(pieces[0]) : nil
    }

    /// How many leading characters form a number (`500` of `500mg`, `1-2` of `1-2tabs`).
    ///
    /// Walks the word's scalars in place (it runs for every word of every field a check reads);
    /// a number is ASCII digits and points or one of ½ ¼ ¾, each a single scalar and character.
    static func prefixLength(of word: Substring) -> Int {
        let scalars = word.unicodeScalars
        var index = scalars.startIndex
        var length = 0
        func isDigit(_ i: Substring.UnicodeScalarView.Index) -> Bool {
            i < scalars.endIndex && ("0"..."9").contains(scalars[i])
        }
        func advance() {
            index = scalars.index(after: index)
            length += 1
        }
        func number() -> Bool {
            if index < scalars.endIndex, "½¼¾".unicodeScalars.contains(scalars[index]) {
                advance()
                return true
            }
            let start = length
            while isDigit(index) { advance() }
            if index < scalars.endIndex, scalars[index] == ".", isDigit(scalars.index(after: index)) {
                advance()
                while isDigit(index) { advance() }
            }
            return length > start
        }
        func optional(_ separator: Unicode.Scalar) {
            let (savedIndex, savedLength) = (index, length)
            guard index < scalars.endIndex, scalars[index] == separator else { return }
            advance()
            if !number() { (index, length) = (savedIndex, savedLength) }
        }
        guard number() else { return 0 }
        optional("/")
        optional("-")
        return length
    }
}
