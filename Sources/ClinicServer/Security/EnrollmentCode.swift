public import ClinicCore

/// One-time enrollment codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I),
/// shown as `K7QM-3XHD-9PRT`, 60 bits of randomness. The server keeps only their SHA-256.
public enum EnrollmentCode {
    /// The 32 characters a code is made of.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    /// Characters in a code, without the dashes.
    public static let length = 12

    /// A new random code in its display form.
    public static func generate(entropy: Entropy = .system) -> String {
        // 32 symbols: the low five bits of each byte pick one without bias.
        let symbols = entropy.bytes(length).map { alphabet[Int($0 & 0x1F)] }
        return stride(from: 0, to: length, by: 4)
            .map { String(symbols[$0..<$0 + 4]) }
            .joined(separator: "-")
    }

    /// The canonical form of what a person typed (upper case, dashes and spaces removed),
    /// or nil when it cannot be a code.
    public static func normalize(_ input: String) -> String? {
        let characters = input.uppercased().filter { $0 != "-" && !$0.isWhitespace }
        guard characters.count == length, characters.allSatisfy(alphabet.contains) else { return nil }
        return String(characters)
    }

    /// What the database stores for a code: hex SHA-256 of its canonical form.
    static func hash(normalized code: String) -> String {
        Hashing.sha256Hex(code)
    }
}
