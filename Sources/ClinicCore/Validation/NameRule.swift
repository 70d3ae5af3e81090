import Foundation

/// Rules for personal names: any script, 1–100 characters, no control characters.
public enum NameRule {
    /// Longest name accepted, in user-perceived characters (grapheme clusters).
    public static let maxLength = 100

    /// The name tidied for storage: trimmed, inner runs of whitespace collapsed to one space, NFC.
    public static func tidy(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// The problem with a (tidied) name, or nil when it is acceptable.
    public static func problem(with name: String, label: String) -> String? {
        if name.isEmpty {
            return "\(label.capitalizedFirst) is required."
        }
        if name.count > maxLength {
            return "\(label.capitalizedFirst) is \(name.count) characters long; at most \(maxLength) are allowed."
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "\(label.capitalizedFirst) contains a control character; retype it without special keys."
        }
        if !name.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
            return "\(label.capitalizedFirst) “\(name)” has no letters."
        }
        return nil
    }
}

extension String {
    /// The string with its first character uppercased ("family name" → "Family name").
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
