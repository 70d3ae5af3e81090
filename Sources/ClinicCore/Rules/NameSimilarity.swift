import Foundation

/// How alike two names are, for spotting the same person registered twice.
///
/// Jaro–Winkler similarity on normalised tokens (any script), lifted to 0.95 when two Latin
/// tokens share a Soundex code (`jon`/`john`, `smyth`/`smith`). Written here because no
/// mirrored library offers string similarity, and the algorithms are short and standard.
public enum NameSimilarity {
    /// A name token prepared once for many comparisons.
    public struct Token: Hashable, Sendable {
        public let text: String
        let scalars: [Unicode.Scalar]
        let soundex: String?

        public init(_ text: String) {
            self.text = text
            scalars = Array(text.unicodeScalars)
            soundex = NameSimilarity.soundex(text)
        }

        /// What tokens that may sound alike share: their soundex code, or the text itself.
        public var blockKey: String { soundex ?? text }
    }

    /// 0…1: how well the tokens of `a` match the tokens of `b`, in any order.
    public static func score(_ a: [String], _ b: [String]) -> Double {
        score(a.map(Token.init), b.map(Token.init))
    }

    /// 0…1 for prepared tokens.
    public static func score(_ a: [Token], _ b: [Token]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        var total = 0.0
        for token in short {
            var best = 0.0
            for other in long { best = max(best, tokenScore(token, other)) }
            total += best
        }
        // Unmatched extra tokens (a middle name on one side) cost a little, not a lot.
        let extra = Double(long.count - short.count) * 0.15
        return max(0, total / Double(short.count) - extra)
    }

    /// 0…1 for two single tokens.
    public static func tokenScore(_ a: String, _ b: String) -> Double {
        tokenScore(Token(a), Token(b))
    }

    static func tokenScore(_ a: Token, _ b: Token) -> Double {
        if a.text == b.text { return 1 }
        let similarity = jaroWinkler(a.scalars, b.scalars)
        if let codeA = a.soundex, let codeB = b.soundex, codeA == codeB { return max(similarity, 0.95) }
        return similarity
    }

    /// Jaro–Winkler similarity (prefix scale 0.1, up to 4 characters).
    public static func jaroWinkler(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var aMatched = [Bool](repeating: false, count: a.count)
        var bMatched = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            let low = max(0, i - window)
            let high = min(b.count - 1, i + window)
            guard low <= high else { continue }
            for j in low...high where !bMatched[j] && a[i] == b[j] {
                aMatched[i] = true
                bMatched[j] = true
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0
        var j = 0
        for i in a.indices where aMatched[i] {
            while !bMatched[j] { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions) / 2) / m) / 3
        var prefix = 0
        while prefix < min(4, a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// American Soundex of an ASCII-letter token (`smith` → `S530`); nil for other scripts.
    public static func soundex(_ token: String) -> String? {
        let letters = Array(token.uppercased().unicodeScalars)
        guard let first = letters.first, letters.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        func digit(_ scalar: Unicode.Scalar) -> Character? {
            switch scalar {
            case "B", "F", "P", "V": "1"
            case "C", "G", "J", "K", "Q", "S", "X", "Z": "2"
            case "D", "T": "3"
            case "L": "4"
            case "M", "N": "5"
            case "R": "6"
            default: nil
            }
        }
        var code = String(Character(first))
        var previous = digit(first)
        for scalar in letters.dropFirst() {
            let current = digit(scalar)
            if let current, current != previous { code.append(current) }
            if scalar != "H" && scalar != "W" { previous = current }
            if code.count == 4 { break }
        }
        return code.padding(toLength: 4, withPad: "0", startingAt: 0)
    }
}
