/// One theme file as written: its parent, palette and scope entries, not yet resolved.
///
/// Resolution waits until the whole `inherits` chain is known, so that a child's palette
/// re-colours the scopes it inherits.
struct RawTheme: Sendable {
    struct Entry: Sendable {
        var key: String
        var value: ConfigValue
        var file: String
        var line: Int?
    }

    var file: String
    var inherits: String?
    var palette: [String: Entry] = [:]
    var scopes: [Scope: Entry] = [:]
    var warnings: [ThemeWarning] = []

    private static let styleFields: Set<String> = ["fg", "bg", "modifiers"]

    init(document: ConfigDocument) {
        file = document.path
        for entry in document.root.entries {
            switch entry.key {
            case "inherits":
                if case .string(let parent) = entry.value {
                    inherits = parent
                } else {
                    warn(entry.line, "inherits", "expected a theme name, found a \(entry.value.typeName)")
                }
            case "palette":
                guard case .table(let table) = entry.value else {
                    warn(entry.line, "palette", "expected a table of colours, found a \(entry.value.typeName)")
                    continue
                }
                for colour in table.entries {
                    palette[colour.key] = Entry(
                        key: "palette." + colour.key, value: colour.value, file: file, line: colour.line)
                }
            default:
                readScope(Scope(entry.key), value: entry.value, line: entry.line)
            }
        }
    }

    /// Reads a scope's value; tables without style fields are namespaces of child scopes.
    private mutating func readScope(_ scope: Scope, value: ConfigValue, line: Int?) {
        guard case .table(let table) = value else {
            scopes[scope] = Entry(key: scope.name, value: value, file: file, line: line)
            return
        }
        let isStyle = table.entries.contains { Self.styleFields.contains($0.key) }
        var fields: [ConfigTable.Entry] = []
        for entry in table.entries {
            if Self.styleFields.contains(entry.key) {
                fields.append(entry)
            } else if case .table = entry.value {
                readScope(scope.appending(entry.key), value: entry.value, line: entry.line)
            } else if isStyle {
                warn(
                    entry.line ?? line, scope.name + "." + entry.key,
                    "unknown style field \"\(entry.key)\" (use fg, bg, modifiers)")
            } else {
                readScope(scope.appending(entry.key), value: entry.value, line: entry.line)
            }
        }
        if isStyle {
            scopes[scope] = Entry(key: scope.name, value: .table(ConfigTable(entries: fields)), file: file, line: line)
        }
    }

    private mutating func warn(_ line: Int?, _ key: String, _ message: String) {
        warnings.append(ThemeWarning(file: file, line: line, key: key, message: message))
    }
}

/// Resolves merged raw entries into a ``Theme``.
struct ThemeResolver {
    private(set) var warnings: [ThemeWarning] = []
    private var palette: [String: Color] = [:]

    /// Resolves palette entries (child over parent already merged) and then every scope.
    mutating func resolve(
        name: String, palette rawPalette: [String: RawTheme.Entry],
        scopes rawScopes: [Scope: RawTheme.Entry]
    ) -> Theme {
        for (name, entry) in rawPalette.sorted(by: { $0.key < $1.key }) {
            if let colour = plainColor(entry.value) {
                palette[name] = colour
            } else {
                warn(entry, "unknown colour \(Self.show(entry.value)) in the palette")
            }
        }
        var styles: [Scope: ScopeStyle] = [:]
        for (scope, entry) in rawScopes.sorted(by: { $0.key < $1.key }) {
            styles[scope] = style(entry)
        }
        return Theme(name: name, styles: styles)
    }

    private mutating func style(_ entry: RawTheme.Entry) -> ScopeStyle {
        switch entry.value {
        case .string, .integer:
            return ScopeStyle(foreground: color(entry.value, entry, field: nil))
        case .table(let table):
            var style = ScopeStyle()
            for field in table.entries {
                switch field.key {
                case "fg": style.foreground = color(field.value, entry, field: "fg")
                case "bg": style.background = color(field.value, entry, field: "bg")
                default: style.modifiers = modifiers(field.value, entry)
                }
            }
            return style
        default:
            warn(entry, "expected a colour or a table with fg, bg, modifiers; found a \(entry.value.typeName)")
            return ScopeStyle()
        }
    }

    private mutating func color(_ value: ConfigValue, _ entry: RawTheme.Entry, field: String?) -> Color? {
        if case .string(let name) = value, let colour = palette[name] { return colour }
        if let colour = plainColor(value) { return colour }
        let what = field.map { " for \($0)" } ?? ""
        warn(entry, "unknown colour \(Self.show(value))\(what); it is ignored")
        return nil
    }

    private mutating func modifiers(_ value: ConfigValue, _ entry: RawTheme.Entry) -> TextModifiers? {
        guard case .array(let items) = value else {
            warn(entry, "modifiers must be a list such as [\"bold\", \"underlined\"], found a \(value.typeName)")
            return nil
        }
        var result: TextModifiers = []
        for item in items {
            if case .string(let name) = item, let modifier = TextModifiers(named: name) {
                result.insert(modifier)
            } else {
                warn(entry, "unknown modifier \(Self.show(item)) (use bold, dim, italic, underlined, reversed)")
            }
        }
        return result
    }

    private func plainColor(_ value: ConfigValue) -> Color? {
        switch value {
        case .string(let text): return Color(parsing: text)
        case .integer(let index): return Color(index: index)
        default: return nil
        }
    }

    private mutating func warn(_ entry: RawTheme.Entry, _ message: String) {
        warnings.append(ThemeWarning(file: entry.file, line: entry.line, key: entry.key, message: message))
    }

    private static func show(_ value: ConfigValue) -> String {
        switch value {
        case .string(let text): return "\"\(text)\""
        case .integer(let number): return "\(number)"
        default: return "(a \(value.typeName))"
        }
    }
}
