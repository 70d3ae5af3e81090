public import Foundation

/// The text of one keymap file and the name to report problems under.
public struct KeymapSource: Hashable, Sendable {
    /// The path or label used in diagnostics.
    public var path: String
    /// The TOML text.
    public var text: String

    /// Creates a source from text already in memory.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads a keymap file (UTF-8).
    public init(contentsOf url: URL) throws {
        self.init(path: url.path, text: try String(contentsOf: url, encoding: .utf8))
    }
}

/// A keymap and the problems found while loading it.
public struct KeymapLoadResult: Hashable, Sendable {
    /// The bindings that loaded.
    public var keymap: Keymap
    /// Every problem, in file order.
    public var diagnostics: [KeymapDiagnostic]

    /// Creates a result.
    public init(keymap: Keymap, diagnostics: [KeymapDiagnostic]) {
        self.keymap = keymap
        self.diagnostics = diagnostics
    }

    /// Whether any binding was dropped.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Keymap {
    /// Parses one keymap file. Problems become diagnostics; the valid bindings still load.
    ///
    /// Sections are contexts (`[global]`, `[pane.queue]`); values are a command name, an array
    /// of command names (run in order) or `"none"` (unbind, hiding less specific contexts);
    /// a nested table is a prefix menu with an optional `label`; a key may be a space-separated
    /// sequence (`"g s" = "pane.schedule"`).
    public static func parse(
        _ source: KeymapSource,
        catalog: CommandCatalog,
        contexts: Set<String> = KeymapContext.standard
    ) -> KeymapLoadResult {
        let document: ConfigDocument
        do {
            document = try ConfigDocument.parse(source.text, path: source.path)
        } catch {
            let diagnostic = KeymapDiagnostic(
                file: source.path, line: error.line, context: nil, key: nil, kind: .syntax(error.message))
            return KeymapLoadResult(keymap: Keymap(), diagnostics: [diagnostic])
        }
        var parser = KeymapParser(file: source.path, catalog: catalog, knownContexts: contexts)
        parser.read(document.root)
        return KeymapLoadResult(keymap: parser.keymap, diagnostics: parser.diagnostics)
    }

    /// Loads files in order, each laid over the ones before: shipped defaults first, then the
    /// user's files. A user binding replaces the default; `"none"` removes it.
    public static func load(
        _ sources: [KeymapSource],
        catalog: CommandCatalog,
        contexts: Set<String> = KeymapContext.standard
    ) -> KeymapLoadResult {
        var keymap = Keymap()
        var diagnostics: [KeymapDiagnostic] = []
        for source in sources {
            let layer = parse(source, catalog: catalog, contexts: contexts)
            keymap = keymap.merging(layer.keymap)
            diagnostics += layer.diagnostics
        }
        return KeymapLoadResult(keymap: keymap, diagnostics: diagnostics)
    }
}
