/// A JSON value built by hand, for documents whose shape is data (FHIR resources): written with
/// sorted keys, so the same record always exports the same bytes.
public indirect enum JSONValue: Hashable, Sendable, Encodable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral
{
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(value): try container.encode(value)
        case let .int(value): try container.encode(value)
        case let .bool(value): try container.encode(value)
        case let .array(values): try container.encode(values)
        case let .object(members): try container.encode(members)
        }
    }

    /// A member of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members[key]
    }

    /// The object with `key` set to `value` when there is one (FHIR leaves out empty elements).
    public func with(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard case var .object(members) = self, let value else { return self }
        if case let .string(text) = value, text.isEmpty { return self }
        if case let .array(items) = value, items.isEmpty { return self }
        members[key] = value
        return .object(members)
    }
}
