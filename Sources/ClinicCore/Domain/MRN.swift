/// A medical record number: the device's prefix and a counter (`KD3-000417`).
///
/// Each device numbers its own registrations, so two offline devices never issue
/// the same MRN, and no UNIQUE constraint is needed across synced data.
public struct MRN: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let prefix: String
    public let serial: Int

    public init(prefix: String, serial: Int) {
        self.prefix = prefix
        self.serial = serial
    }

    /// Parses `KD3-000417` (case-insensitive); nil when malformed.
    public init?(_ text: String) {
        // Stored MRNs are read by the thousand (a day's book); take the canonical form straight from the bytes.
        if let (prefix, serial) = ASCIIDigits.mrn(text) {
            self.init(prefix: prefix, serial: serial)
            return
        }
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, MRN.isValidPrefix(String(parts[0])),
              parts[1].allSatisfy(\.isASCII), let serial = Int(parts[1]), serial >= 0
        else { return nil }
        self.init(prefix: String(parts[0]), serial: serial)
    }

    public var description: String {
        let digits = String(serial)
        return prefix + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public static func < (lhs: MRN, rhs: MRN) -> Bool { (lhs.prefix, lhs.serial) < (rhs.prefix, rhs.serial) }

    /// A prefix is 2–4 uppercase ASCII letters or digits, starting with a letter.
    public static func isValidPrefix(_ prefix: String) -> Bool {
        let scalars = Array(prefix.unicodeScalars)
        guard (2...4).contains(scalars.count), let first = scalars.first, ("A"..."Z").contains(first) else { return false }
        return scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// A random three-character prefix for a new device (no I/O/O/0/1 look-alikes after the first letter).
    public static func randomPrefix(entropy: Entropy) -> String {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let symbols = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let bytes = entropy.bytes(3)
        return String([letters[Int(bytes[0]) % letters.count], symbols[Int(bytes[1]) % symbols.count],
                       symbols[Int(bytes[2]) % symbols.count]])
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = MRN(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not an MRN")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
