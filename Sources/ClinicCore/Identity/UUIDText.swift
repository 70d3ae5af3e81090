public import Foundation

/// The canonical text form of a UUID (8-4-4-4-12 hex digits), read and written without
/// Foundation: on Linux `UUID(uuidString:)` parses with `sscanf` and `uuidString` builds an
/// uppercase string that then has to be lowercased. Loading a day's book turns about 2,000 ids
/// between text and values, and those two calls were a sixth of its time.
enum UUIDText {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Parses hex digits in either case with dashes in the canonical places; nil otherwise.
    static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { utf8 -> UUID? in
            guard utf8.count == 36 else { return nil }
            // The 32 hex digits as two 64-bit halves, most significant first.
            var halves: (UInt64, UInt64) = (0, 0)
            var digits = 0
            for offset in 0..<36 {
                let character = utf8[offset]
                if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                    guard character == UInt8(ascii: "-") else { return nil }
                    continue
                }
                guard let nibble = value(of: character) else { return nil }
                if digits < 16 { halves.0 = halves.0 << 4 | UInt64(nibble) } else { halves.1 = halves.1 << 4 | UInt64(nibble) }
                digits += 1
            }
            let (high, low) = halves
            func byte(_ half: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: half >> (56 - 8 * index)) }
            return UUID(uuid: (
                byte(high, 0), byte(high, 1), byte(high, 2), byte(high, 3), byte(high, 4), byte(high, 5), byte(high, 6),
                byte(high, 7), byte(low, 0), byte(low, 1), byte(low, 2), byte(low, 3), byte(low, 4), byte(low, 5),
                byte(low, 6), byte(low, 7)))
        }
    }

    /// The lowercase canonical form.
    static func lowercase(_ uuid: UUID) -> String {
        withUnsafeBytes(of: uuid.uuid) { raw in
            String(unsafeUninitializedCapacity: 36) { out in
                var position = 0
                for (index, byte) in raw.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    out[position] = digits[Int(byte >> 4)]
                    out[position + 1] = digits[Int(byte & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }

    private static func value(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension UUID {
    /// Parses the canonical text form (either case), as ``UUID/init(uuidString:)`` does, faster.
    public init?(canonical text: String) {
        guard let uuid = UUIDText.parse(text) else { return nil }
        self = uuid
    }
}
