/// A problem found while loading a keymap file, with where it is and what to do.
///
/// Loading never stops at a problem: the offending binding is left out (or, for a warning,
/// kept) and the rest of the file still applies.
public struct KeymapDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: Hashable, Sendable {
        /// The binding or section was ignored.
        case error
        /// The binding was kept but is probably a mistake.
        case warning
    }

    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        /// The file could not be read.
        case unreadable(String)
        /// The file is not valid TOML.
        case syntax(String)
        /// A section names no known context.
        case unknownContext(String)
        /// A binding names a command the app does not offer.
        case unknownCommand(String)
        /// A binding names a command that does not apply in this context.
        case commandNotInContext(String)
        /// A key could not be read.
        case badKeyNotation(KeyNotationError)
        /// The same key is bound twice in one context (perhaps spelled two ways); names the first spelling.
        case duplicateKey(firstSpelling: String, firstLine: Int?)
        /// A key is both bound to a command and used as the start of a longer sequence.
        case prefixConflict(otherSpelling: String, otherLine: Int?)
        /// A value is neither a command name, a list of them, `"none"`, nor a table.
        case badValue(String)
        /// A binding written before any `[context]` section.
        case bindingOutsideContext
    }

    /// The file (or label) the problem is in.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The context section, when known.
    public var context: String?
    /// The key as written in the file, when the problem is about one binding.
    public var key: String?
    /// What went wrong.
    public var kind: Kind

    /// Creates a diagnostic.
    public init(file: String, line: Int?, context: String?, key: String?, kind: Kind) {
        self.file = file
        self.line = line
        self.context = context
        self.key = key
        self.kind = kind
    }

    /// Errors drop the binding; warnings keep it.
    public var severity: Severity {
        if case .commandNotInContext = kind { return .warning }
        return .error
    }

    /// The problem in words, without the location.
    public var message: String {
        switch kind {
        case .unreadable(let reason):
            return "cannot read the keymap: \(reason)"
        case .syntax(let reason):
            return "not valid TOML: \(reason)"
        case .unknownContext(let name):
            return "unknown context \"\(name)\"; the binding section is ignored"
        case .unknownCommand(let name):
            return "unknown command \"\(name)\"; the binding is ignored"
        case .commandNotInContext(let name):
            return "command \"\(name)\" does not apply in this context"
        case .badKeyNotation(let error):
            return error.description
        case .duplicateKey(let first, let firstLine):
            return "key bound twice in this context; first as \"\(first)\"\(Self.at(firstLine)), this one is ignored"
        case .prefixConflict(let other, let otherLine):
            return "key is bound to a command and also starts the sequence \"\(other)\"\(Self.at(otherLine)); "
                + "this one is ignored"
        case .badValue(let detail):
            return detail
        case .bindingOutsideContext:
            return "binding outside any [context] section; it is ignored"
        }
    }

    private static func at(_ line: Int?) -> String {
        line.map { " on line \($0)" } ?? ""
    }

    /// `file:line: [context] "key": message`.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        var subject = ""
        if let context { subject += "[\(context)] " }
        if let key { subject += "\"\(key)\": " }
        let label = severity == .warning ? "warning: " : ""
        return "\(location): \(label)\(subject)\(message)"
    }
}
