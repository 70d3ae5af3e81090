import TOMLKit

/// A TOML file that failed to parse.
struct ConfigSyntaxError: Error, Hashable, Sendable {
    var message: String
    var line: Int?
}

/// A parsed TOML configuration file: the value tree plus where each key came from.
struct ConfigDocument: Sendable {
    /// The file path or label used in messages.
    var path: String
    /// The top-level table.
    var root: ConfigTable

    /// Parses `text`; entries of every table come back in source order.
    static func parse(_ text: String, path: String) throws(ConfigSyntaxError) -> ConfigDocument {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigSyntaxError(message: error.description, line: error.source.begin.line)
        } catch {
            throw ConfigSyntaxError(message: "\(error)", line: nil)
        }
        let lines = TOMLLineIndex(text)
        return ConfigDocument(path: path, root: convert(table, path: [], lines: lines))
    }

    private static func convert(_ table: TOMLTable, path: [String], lines: TOMLLineIndex) -> ConfigTable {
        var entries: [ConfigTable.Entry] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            let keyPath = path + [key]
            entries.append(
                ConfigTable.Entry(
                    key: key, value: convert(value, path: keyPath, lines: lines), line: lines.line(of: keyPath))
            )
        }
        entries.sort { ($0.line ?? Int.max, $0.key) < ($1.line ?? Int.max, $1.key) }
        return ConfigTable(entries: entries)
    }

    private static func convert(_ value: any TOMLValueConvertible, path: [String], lines: TOMLLineIndex) -> ConfigValue
    {
        switch value.type {
        case .string:
            return .string(value.string ?? "")
        case .int:
            return .integer(value.int ?? 0)
        case .double:
            return .float(value.double ?? 0)
        case .bool:
            return .bool(value.bool ?? false)
        case .table:
            guard let table = value.table else { return .other("table") }
            return .table(convert(table, path: path, lines: lines))
        case .array:
            guard let array = value.array else { return .other("array") }
            var items: [ConfigValue] = []
            for index in 0..<array.count {
                items.append(convert(array[index], path: path, lines: lines))
            }
            return .array(items)
        default:
            return .other(value.type.description)
        }
    }
}
