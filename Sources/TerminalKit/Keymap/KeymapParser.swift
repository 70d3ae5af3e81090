/// Turns the TOML tree of one keymap file into a ``Keymap`` plus diagnostics.
struct KeymapParser {
    /// Where a bound path was first written, for duplicate and conflict messages.
    private struct Origin {
        var spelling: String
        var line: Int?
    }

    let file: String
    let catalog: CommandCatalog
    let knownContexts: Set<String>
    private(set) var keymap = Keymap()
    private(set) var diagnostics: [KeymapDiagnostic] = []
    private var origins: [String: [[KeyPress]: Origin]] = [:]

    init(file: String, catalog: CommandCatalog, knownContexts: Set<String>) {
        self.file = file
        self.catalog = catalog
        self.knownContexts = knownContexts
    }

    mutating func read(_ root: ConfigTable) {
        for entry in root.entries {
            readSection(names: [entry.key], value: entry.value, line: entry.line)
        }
    }

    /// Resolves a (possibly nested) table name to a known context.
    private mutating func readSection(names: [String], value: ConfigValue, line: Int?) {
        let name = names.joined(separator: ".")
        guard case .table(let table) = value else {
            if names.count == 1 {
                report(line, context: nil, key: name, .bindingOutsideContext)
            } else {
                report(line, context: nil, key: names.last, .unknownContext(names.dropLast().joined(separator: ".")))
            }
            return
        }
        if knownContexts.contains(name) {
            readBindings(table, context: name, prefix: [], spelling: [])
            return
        }
        guard knownContexts.contains(where: { $0.hasPrefix(name + ".") }) else {
            report(line, context: nil, key: nil, .unknownContext(name))
            return
        }
        for entry in table.entries {
            readSection(names: names + [entry.key], value: entry.value, line: entry.line)
        }
    }

    private mutating func readBindings(_ table: ConfigTable, context: String, prefix: [KeyPress], spelling: [String]) {
        for entry in table.entries {
            let line = entry.line
            if entry.key == "label" {
                readLabel(entry, context: context, prefix: prefix, spelling: spelling)
                continue
            }
            if case .table = entry.value, prefix.isEmpty, knownContexts.contains(context + "." + entry.key) {
                readSection(names: [context, entry.key], value: entry.value, line: line)
                continue
            }
            let keys: [KeyPress]
            do {
                keys = try KeyPress.sequence(entry.key)
            } catch {
                report(line, context: context, key: entry.key, .badKeyNotation(error))
                continue
            }
            let path = prefix + keys
            let written = (spelling + [entry.key]).joined(separator: " ")
            switch entry.value {
            case .string("none"):
                insert(.unbound, at: path, context: context, spelling: written, line: line)
            case .string(let name):
                guard check([name], context: context, key: written, line: line) else { continue }
                insert(.commands([name]), at: path, context: context, spelling: written, line: line)
            case .array(let items):
                let names = items.compactMap(\.stringValue)
                guard !names.isEmpty, names.count == items.count else {
                    report(
                        line, context: context, key: written, .badValue("expected a non-empty list of command names"))
                    continue
                }
                guard check(names, context: context, key: written, line: line) else { continue }
                insert(.commands(names), at: path, context: context, spelling: written, line: line)
            case .table(let submenu):
                guard insert(.menu(KeyMenu()), at: path, context: context, spelling: written, line: line) else {
                    continue
                }
                readBindings(submenu, context: context, prefix: path, spelling: spelling + [entry.key])
            default:
                let expected = "expected a command name, a list of command names, \"none\" or a table"
                report(line, context: context, key: written, .badValue("\(expected), found a \(entry.value.typeName)"))
            }
        }
    }

    private mutating func readLabel(_ entry: ConfigTable.Entry, context: String, prefix: [KeyPress], spelling: [String])
    {
        guard !prefix.isEmpty else {
            report(
                entry.line, context: context, key: "label", .badValue("\"label\" is only allowed inside a prefix menu"))
            return
        }
        guard case .string(let label) = entry.value else {
            report(
                entry.line, context: context, key: (spelling + ["label"]).joined(separator: " "),
                .badValue("a menu label must be a string, found a \(entry.value.typeName)"))
            return
        }
        guard case .menu(var menu)? = keymap.binding(for: prefix, in: context) else { return }
        menu.label = label
        keymap.bind(prefix, to: .menu(menu), in: context)
    }

    /// Checks command names against the catalog; false when any is unknown.
    private mutating func check(_ names: [String], context: String, key: String, line: Int?) -> Bool {
        var valid = true
        for name in names {
            guard let info = catalog[name] else {
                report(line, context: context, key: key, .unknownCommand(name))
                valid = false
                continue
            }
            if let allowed = info.contexts, !allowed.contains(context) {
                report(line, context: context, key: key, .commandNotInContext(name))
            }
        }
        return valid
    }

    /// Adds a binding unless it collides with one already written in this file.
    @discardableResult
    private mutating func insert(
        _ binding: KeyBinding, at path: [KeyPress], context: String, spelling: String, line: Int?
    ) -> Bool {
        var contextOrigins = origins[context] ?? [:]
        defer { origins[context] = contextOrigins }
        for length in 1..<path.count {
            let prefix = Array(path.prefix(length))
            switch keymap.binding(for: prefix, in: context) {
            case .commands?, .unbound?:
                let other = contextOrigins[prefix]
                report(
                    line, context: context, key: spelling,
                    .prefixConflict(
                        otherSpelling: other?.spelling ?? KeyPress.notation(of: prefix), otherLine: other?.line))
                return false
            case .menu?, nil:
                if contextOrigins[prefix] == nil { contextOrigins[prefix] = Origin(spelling: spelling, line: line) }
            }
        }
        switch (keymap.binding(for: path, in: context), binding) {
        case (nil, _):
            break
        case (.menu?, .menu):
            return true
        case (.menu?, _), (_?, .menu):
            let other = contextOrigins[path]
            report(
                line, context: context, key: spelling,
                .prefixConflict(otherSpelling: other?.spelling ?? KeyPress.notation(of: path), otherLine: other?.line))
            return false
        case (_?, _):
            let first = contextOrigins[path]
            report(
                line, context: context, key: spelling,
                .duplicateKey(firstSpelling: first?.spelling ?? KeyPress.notation(of: path), firstLine: first?.line))
            return false
        }
        keymap.bind(path, to: binding, in: context)
        contextOrigins[path] = Origin(spelling: spelling, line: line)
        return true
    }

    private mutating func report(_ line: Int?, context: String?, key: String?, _ kind: KeymapDiagnostic.Kind) {
        diagnostics.append(KeymapDiagnostic(file: file, line: line, context: context, key: key, kind: kind))
    }
}
