/// A problem in a theme file that did not stop the theme from loading.
public struct ThemeWarning: Hashable, Sendable, CustomStringConvertible {
    /// The file (or label) the problem is in.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The key at fault, such as `ui.border.focus` or `palette.blue`.
    public var key: String?
    /// What is wrong.
    public var message: String

    /// Creates a warning.
    public init(file: String, line: Int?, key: String?, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `file:line: "key": message`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\"\(key)\": " }
        return text + message
    }
}

/// Why a theme could not be loaded at all.
public enum ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No theme of that name in any search location.
    case notFound(name: String, searched: [String])
    /// The theme file exists but could not be read.
    case unreadable(file: String, reason: String)
    /// The theme file is not valid TOML.
    case syntax(file: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case .notFound(let name, let searched):
            return "theme \"\(name)\" not found (looked in: \(searched.joined(separator: ", ")))"
        case .unreadable(let file, let reason):
            return "\(file): cannot read the theme: \(reason)"
        case .syntax(let file, let line, let message):
            return "\(file)\(line.map { ":\($0)" } ?? ""): not valid TOML: \(message)"
        }
    }
}

/// A loaded theme and the problems found on the way.
public struct ThemeLoadResult: Hashable, Sendable {
    /// The theme, with inherited scopes and palette applied.
    public var theme: Theme
    /// Problems that were skipped over, in the order found.
    public var warnings: [ThemeWarning]

    /// Creates a result.
    public init(theme: Theme, warnings: [ThemeWarning]) {
        self.theme = theme
        self.warnings = warnings
    }
}
