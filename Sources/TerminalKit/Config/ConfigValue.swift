/// A parsed TOML value as a plain, sendable tree, with the line each key was written on.
///
/// TOMLKit's own values are reference types over toml++; configuration readers work on this
/// copy instead, with table entries in source order.
enum ConfigValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([ConfigValue])
    case table(ConfigTable)
    /// Dates and times, which no configuration here uses.
    case other(String)

    /// A short name of the value's type for messages: "string", "table", ….
    var typeName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case .bool: return "boolean"
        case .array: return "array"
        case .table: return "table"
        case .other(let name): return name
        }
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var tableValue: ConfigTable? {
        if case .table(let value) = self { return value }
        return nil
    }
}

/// A TOML table: entries in the order they appear in the file.
struct ConfigTable: Hashable, Sendable {
    struct Entry: Hashable, Sendable {
        var key: String
        var value: ConfigValue
        /// The 1-based line where the key was written, when it could be found.
        var line: Int?
    }

    var entries: [Entry]

    subscript(key: String) -> ConfigValue? {
        entries.first(where: { $0.key == key })?.value
    }

    func entry(_ key: String) -> Entry? {
        entries.first(where: { $0.key == key })
    }
}
