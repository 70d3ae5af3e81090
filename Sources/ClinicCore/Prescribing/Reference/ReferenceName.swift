/// The folded form of a drug, class or sig name used to look it up: lower case, without
/// diacritics, punctuation turned into single spaces (`"Co-Amoxiclav"` → `"co amoxiclav"`).
enum ReferenceName {
    static func key(_ text: String) -> String {
        asciiKey(text) ?? SearchKey.normalize(text)
    }

    /// The same folding for plain ASCII text without the Unicode machinery: checks run it for
    /// every name on a prescription, so it must be cheap. Nil for any other text.
    private static func asciiKey(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            guard isDigit || isUpper || isLower else {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(isUpper ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
