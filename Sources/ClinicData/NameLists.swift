import Foundation

/// A writing system the demo clinic draws names from.
public enum NameScript: String, CaseIterable, Sendable {
    case latin
    case arabic
    case devanagari
    case cjk
    case vietnamese
}

/// Given and family names of one script, read from `data/names/<script>.txt`.
public struct NameList: Sendable, Equatable {
    public let script: NameScript
    public let female: [String]
    public let male: [String]
    public let family: [String]

    /// Parses the list format: `[female]`, `[male]`, `[family]` sections, one name per line, `#` comments.
    public init(script: NameScript, text: String) throws(NameListError) {
        var sections: [String: [String]] = [:]
        var current: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast())
                guard ["female", "male", "family"].contains(name) else {
                    throw .unknownSection(script: script, line: index + 1, name: name)
                }
                current = name
                continue
            }
            guard let current else { throw .nameOutsideSection(script: script, line: index + 1) }
            sections[current, default: []].append(line)
        }
        for name in ["female", "male", "family"] where sections[name, default: []].isEmpty {
            throw .emptySection(script: script, name: name)
        }
        self.script = script
        female = sections["female"]!
        male = sections["male"]!
        family = sections["family"]!
    }

    /// The list shipped in the binary for `script`.
    public static func embedded(_ script: NameScript) -> NameList {
        do {
            return try NameList(script: script, text: String(decoding: bytes(for: script), as: UTF8.self))
        } catch {
            // The files are validated by a test; a broken file is a build defect, not user input.
            preconditionFailure("data/names/\(script.rawValue).txt is malformed: \(error)")
        }
    }

    private static func bytes(for script: NameScript) -> [UInt8] {
        switch script {
        case .latin: PackageResources.latin_txt
        case .arabic: PackageResources.arabic_txt
        case .devanagari: PackageResources.devanagari_txt
        case .cjk: PackageResources.cjk_txt
        case .vietnamese: PackageResources.vietnamese_txt
        }
    }
}

/// A defect in a name list file, naming the file and line.
public enum NameListError: Error, Equatable, CustomStringConvertible {
    case unknownSection(script: NameScript, line: Int, name: String)
    case nameOutsideSection(script: NameScript, line: Int)
    case emptySection(script: NameScript, name: String)

    public var description: String {
        switch self {
        case let .unknownSection(script, line, name):
            "data/names/\(script.rawValue).txt line \(line): unknown section [\(name)]; use [female], [male] or [family]."
        case let .nameOutsideSection(script, line):
            "data/names/\(script.rawValue).txt line \(line): a name before any section header."
        case let .emptySection(script, name):
            "data/names/\(script.rawValue).txt: section [\(name)] is missing or empty."
        }
    }
}
