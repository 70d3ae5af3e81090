extension MRN {
    /// The longest serial read from an MRN typed without its dash (a device's counter fits in nine digits).
    public static let longestUndashedSerial = 9

    /// Every MRN that `text`, typed without its dash, could be: `rfc2046` → RFC-002046 and
    /// RFC2-000046; `KD3417` → KD-003417, KD3-000417 and KD34-000017. A space stands for the dash
    /// (`RFC 2046` → RFC-002046 only). Empty when `text` does not split into a valid prefix
    /// (``isValidPrefix(_:)``) and a serial of digits.
    public static func readings(ofUndashed text: String) -> [MRN] {
        let words = text.uppercased().split(whereSeparator: \.isWhitespace).map(String.init)
        switch words.count {
        case 1:
            let word = words[0]
            return (2...4).compactMap { length in
                guard length < word.count else { return nil }
                return reading(prefix: String(word.prefix(length)), serial: String(word.dropFirst(length)))
            }
        case 2:
            return reading(prefix: words[0], serial: words[1]).map { [$0] } ?? []
        default:
            return []
        }
    }

    private static func reading(prefix: String, serial: String) -> MRN? {
        guard isValidPrefix(prefix), (1...longestUndashedSerial).contains(serial.count),
              serial.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(serial)
        else { return nil }
        return MRN(prefix: prefix, serial: number)
    }
}
