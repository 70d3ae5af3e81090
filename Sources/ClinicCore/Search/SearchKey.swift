import Foundation

/// The normalised form of names used for searching and ordering: lowercase, without
/// Latin/Greek/Cyrillic diacritics or Arabic vowel marks, tokens separated by single spaces.
///
/// Written here rather than relying on the database tokenizer alone because the
/// same folding must apply to stored names and to typed queries, and SQLite's
/// `remove_diacritics` leaves Arabic harakat and letters like `đ` or `ø` alone.
/// Devanagari vowel signs and viramas are letters, not decoration, and are kept.
public enum SearchKey {
    /// `"  Nguyễn Thị  Đào "` → `"nguyen thi dao"`.
    public static func normalize(_ text: String) -> String {
        tokens(of: text).joined(separator: " ")
    }

    /// The normalised tokens of `text`, in order.
    public static func tokens(of text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var previousBase: Unicode.Scalar?
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if let replacement = letterReplacements[scalar] {
                current.append(contentsOf: replacement.unicodeScalars)
                previousBase = scalar
                continue
            }
            let properties = scalar.properties
            let category = properties.generalCategory
            if category == .nonspacingMark || category == .enclosingMark {
                if let base = previousBase, isFoldedMark(scalar, after: base) { continue }
                if !current.isEmpty { current.append(scalar) }
                continue
            }
            if properties.isAlphabetic || properties.numericType != nil || category == .spacingMark {
                current.append(scalar)
                previousBase = scalar
            } else {
                if !current.isEmpty { tokens.append(String(current).precomposedStringWithCanonicalMapping) }
                current = String.UnicodeScalarView()
                previousBase = nil
            }
        }
        if !current.isEmpty { tokens.append(String(current).precomposedStringWithCanonicalMapping) }
        return tokens
    }

    /// Whether a combining mark after `base` is a diacritic to drop for matching.
    private static func isFoldedMark(_ mark: Unicode.Scalar, after base: Unicode.Scalar) -> Bool {
        switch base.value {
        case 0x0041...0x024F, 0x1E00...0x1EFF, 0x0370...0x03FF, 0x0400...0x04FF:
            return true  // Latin, Latin Extended (incl. Vietnamese), Greek, Cyrillic
        case 0x0600...0x06FF, 0x0750...0x077F:
            return (0x064B...0x065F).contains(mark.value) || mark.value == 0x0670  // Arabic harakat, superscript alef
        default:
            return false
        }
    }

    /// Latin letters that carry a diacritic but do not decompose in Unicode.
    private static let letterReplacements: [Unicode.Scalar: String] = [
        "đ": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d", "ħ": "h",
    ]
}
