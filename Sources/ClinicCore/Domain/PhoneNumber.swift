import Foundation

/// A phone number kept as typed digits with an optional leading `+`.
///
/// Accepts what people type (`+44 20 7946 0958`, `020-7946-0958`, `(020) 7946 0958`)
/// and stores `+442079460958` / `02079460958`; digits typed in another script
/// (`٠٢٠٧٩٤٦٠٩٥٨`) are stored as ASCII digits. It does not guess country codes.
public struct PhoneNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `+` followed by digits, or digits only.
    public let normalized: String

    /// The shortest and longest digit counts accepted (E.164 allows at most 15).
    public static let digitRange = 6...15

    /// Parses typed input, or explains what is wrong with it.
    public init(parsing input: String) throws(PhoneNumberError) {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        var digits = ""
        var international = false
        for (offset, character) in trimmed.enumerated() {
            if let digit = PhoneNumber.decimalDigit(character) {
                digits.append(digit)
            } else if character == "+" {
                guard offset == 0 else { throw .misplacedPlus(input: trimmed) }
                international = true
            } else if [" ", "-", ".", "(", ")", "/"].contains(character) {
                continue
            } else {
                throw .invalidCharacter(character, input: trimmed)
            }
        }
        guard PhoneNumber.digitRange.contains(digits.count) else {
            throw .wrongLength(digits: digits.count, input: trimmed)
        }
        normalized = (international ? "+" : "") + digits
    }

    /// Any script's decimal digit (ASCII, Arabic-Indic, Devanagari, full-width) as an ASCII digit.
    static func decimalDigit(_ character: Character) -> Character? {
        if character.isASCII { return ("0"..."9").contains(character) ? character : nil }
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
              scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue,
              (0...9).contains(value)
        else { return nil }
        return Character(String(Int(value)))
    }

    /// The digits alone, for searching by fragment.
    public var digits: String { normalized.filter(\.isNumber) }

    public var description: String { normalized }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(normalized)
    }
}

/// Why typed text is not a phone number, in words a receptionist can act on.
public enum PhoneNumberError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case invalidCharacter(Character, input: String)
    case misplacedPlus(input: String)
    case wrongLength(digits: Int, input: String)

    public var description: String {
        switch self {
        case .empty:
            "Phone number is empty."
        case let .invalidCharacter(character, input):
            "Phone number “\(input)” contains “\(character)”; use digits, spaces, dashes and a leading +."
        case let .misplacedPlus(input):
            "Phone number “\(input)” has a + that is not at the start."
        case let .wrongLength(count, input):
            "Phone number “\(input)” has \(count) digit\(count == 1 ? "" : "s"); "
                + "a phone number has \(PhoneNumber.digitRange.lowerBound) to \(PhoneNumber.digitRange.upperBound)."
        }
    }
}
