import Foundation

/// One stored value of one field, as the change log and the sync wire carry it.
///
/// Encodes as a bare JSON value (`null`, `42`, `1.5`, `"text"`), so a change row reads naturally.
/// A whole-number real is the same value as the integer (JSON cannot tell `2.0` from `2`), so
/// they compare and hash equal and are written the same way: every replica agrees on a value.
public enum FieldValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Text first: most values are text, and every failed attempt costs the decoder an error.
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else {
            self = FieldValue.number(try container.decode(Double.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .integer(value): try container.encode(value)
        case let .real(value):
            if case let .integer(whole) = FieldValue.number(value) { try container.encode(whole) } else { try container.encode(value) }
        case let .text(value): try container.encode(value)
        }
    }

    /// A number in canonical form: whole values that fit become `.integer`.
    public static func number(_ value: Double) -> FieldValue {
        if value.isFinite, value.rounded() == value, let whole = Int64(exactly: value) { return .integer(whole) }
        return .real(value)
    }

    /// The value with a whole-number real turned into an integer.
    public var canonical: FieldValue {
        if case let .real(value) = self { return FieldValue.number(value) }
        return self
    }

    public static func == (lhs: FieldValue, rhs: FieldValue) -> Bool {
        switch (lhs.canonical, rhs.canonical) {
        case (.null, .null): true
        case let (.integer(a), .integer(b)): a == b
        case let (.real(a), .real(b)): a == b
        case let (.text(a), .text(b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch canonical {
        case .null: hasher.combine(0)
        case let .integer(value): hasher.combine(1); hasher.combine(value)
        case let .real(value): hasher.combine(2); hasher.combine(value)
        case let .text(value): hasher.combine(3); hasher.combine(value)
        }
    }

    /// The text form used in error messages and conflict listings.
    public var description: String {
        switch self {
        case .null: "(empty)"
        case let .integer(value): String(value)
        case let .real(value): String(value)
        case let .text(value): value
        }
    }

    /// The text inside, if this is text.
    public var text: String? {
        if case let .text(value) = self { return value }
        return nil
    }
}

extension FieldValue {
    /// Compact JSON text of the value, as stored in the change log.
    ///
    /// Hand-written because it runs once per changed field of every write and
    /// `JSONEncoder` would allocate an encoder per value.
    public var jsonText: String {
        switch self {
        case .null: return "null"
        case let .integer(value): return String(value)
        case let .real(value):
            if case let .integer(whole) = FieldValue.number(value) { return String(whole) }
            return value.isFinite ? "\(value)" : "null"
        case let .text(value): return FieldValue.quoted(value)
        }
    }

    /// Parses the JSON text written by ``jsonText``; nil when malformed.
    public init?(jsonText: String) {
        switch jsonText {
        case "null": self = .null
        case _ where jsonText.hasPrefix("\""):
            guard let data = jsonText.data(using: .utf8),
                  let value = try? JSONDecoder().decode(String.self, from: data)
            else { return nil }
            self = .text(value)
        default:
            if let integer = Int64(jsonText) {
                self = .integer(integer)
            } else if let real = Double(jsonText) {
                self = .real(real)
            } else {
                return nil
            }
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
