public import Foundation

/// Finds theme files by name and loads them with their `inherits` chain.
///
/// Locations are searched from the last to the first, so list them lowest precedence
/// first: the shipped themes directory, then the user's. A theme that inherits from its
/// own name (a user `default.toml` with `inherits = "default"`) gets the one from an
/// earlier location.
public struct ThemeLoader: Sendable {
    /// A place theme files live.
    public enum Location: Hashable, Sendable {
        /// A directory of `<name>.toml` files.
        case directory(URL)
        /// Theme texts in memory, by name, reported under `label`.
        case memory(label: String, themes: [String: String])
    }

    /// Search locations, lowest precedence first.
    public var locations: [Location]

    /// Creates a loader over `locations`, lowest precedence first.
    public init(locations: [Location]) {
        self.locations = locations
    }

    /// Creates a loader over directories, lowest precedence first (shipped, then user).
    public init(directories: [URL]) {
        self.init(locations: directories.map { .directory($0) })
    }

    /// The names of all themes found, sorted.
    public func themeNames() -> [String] {
        var names: Set<String> = []
        for location in locations {
            switch location {
            case .directory(let url):
                let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
            case .memory(_, let themes):
                names.formUnion(themes.keys)
            }
        }
        return names.sorted()
    }

    /// Loads theme `name`, following `inherits`.
    ///
    /// Throws when the theme itself is missing or unreadable; problems further up the
    /// chain (a missing parent, a cycle, a bad colour) become warnings.
    public func load(_ name: String) throws(ThemeError) -> ThemeLoadResult {
        guard let found = find(name, below: locations.count) else {
            throw .notFound(name: name, searched: locations.map(Self.describe))
        }
        let first = try parse(found)
        var chain = [first]
        var warnings = first.warnings
        var visited: [String] = [name]
        var visitedKeys: Set<String> = ["\(found.location):\(name)"]
        var current = (name: name, location: found.location, raw: first)
        while let parentName = current.raw.inherits {
            let below = parentName == current.name ? current.location : locations.count
            guard let parent = find(parentName, below: below) else {
                warnings.append(
                    ThemeWarning(
                        file: current.raw.file, line: nil, key: "inherits",
                        message: "inherits unknown theme \"\(parentName)\"; it is ignored"))
                break
            }
            guard visitedKeys.insert("\(parent.location):\(parentName)").inserted else {
                let cycle = (visited + [parentName]).joined(separator: " → ")
                warnings.append(
                    ThemeWarning(
                        file: current.raw.file, line: nil, key: "inherits",
                        message: "inherits cycle: \(cycle); the chain stops here"))
                break
            }
            visited.append(parentName)
            do {
                let raw = try parse(parent)
                chain.append(raw)
                warnings += raw.warnings
                current = (parentName, parent.location, raw)
            } catch {
                warnings.append(
                    ThemeWarning(
                        file: current.raw.file, line: nil, key: "inherits",
                        message: "parent theme \"\(parentName)\" failed to load: \(error)"))
                break
            }
        }
        var palette: [String: RawTheme.Entry] = [:]
        var scopes: [Scope: RawTheme.Entry] = [:]
        for raw in chain.reversed() {
            palette.merge(raw.palette) { _, child in child }
            scopes.merge(raw.scopes) { _, child in child }
        }
        var resolver = ThemeResolver()
        let theme = resolver.resolve(name: name, palette: palette, scopes: scopes)
        return ThemeLoadResult(theme: theme, warnings: warnings + resolver.warnings)
    }

    /// A theme file found in a location.
    private struct Found {
        var location: Int
        var file: String
        var text: Result<String, ThemeError>
    }

    /// The highest-precedence location below index `below` that has theme `name`.
    private func find(_ name: String, below: Int) -> Found? {
        guard below > 0 else { return nil }
        for index in stride(from: min(below, locations.count) - 1, through: 0, by: -1) {
            switch locations[index] {
            case .directory(let url):
                let file = url.appendingPathComponent(name + ".toml")
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                do {
                    return Found(
                        location: index, file: file.path, text: .success(try String(contentsOf: file, encoding: .utf8)))
                } catch {
                    return Found(
                        location: index, file: file.path,
                        text: .failure(.unreadable(file: file.path, reason: error.localizedDescription)))
                }
            case .memory(let label, let themes):
                guard let text = themes[name] else { continue }
                return Found(location: index, file: "\(label)/\(name).toml", text: .success(text))
            }
        }
        return nil
    }

    private func parse(_ found: Found) throws(ThemeError) -> RawTheme {
        let text = try found.text.get()
        do {
            return RawTheme(document: try ConfigDocument.parse(text, path: found.file))
        } catch {
            throw .syntax(file: found.file, line: error.line, message: error.message)
        }
    }

    private static func describe(_ location: Location) -> String {
        switch location {
        case .directory(let url): return url.path
        case .memory(let label, _): return label
        }
    }
}
