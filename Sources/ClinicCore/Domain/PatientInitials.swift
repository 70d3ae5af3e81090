/// Initials from a patient's names, in any script: the first letter of the family name, then
/// of the given name, in the order the desk writes names (`Smith, John` → `S. J.`).
///
/// Letters of scripts with case are capitalised and followed by a dot (`Ø. S.`, `N. T.`);
/// letters of scripts without case stand alone (`王 小`, `م ع`, `श अ`). A letter is a whole
/// grapheme, so a base letter keeps its accents and a Devanagari consonant its marks. The
/// waiting-room board and a pharmacist's verification show these instead of names.
public enum PatientInitials {
    /// `S. J.` for family `Smith`, given `John`; one initial when one name is empty; empty when both are.
    public static func of(family: String, given: String) -> String {
        [family, given].compactMap(initial).joined(separator: " ")
    }

    /// The first letter of `name` as an initial, or nil when it has none.
    static func initial(of name: String) -> String? {
        let trimmed = name.drop { $0.isWhitespace || $0.isPunctuation || $0.isSymbol }
        guard let letter = trimmed.first(where: \.isLetter) ?? trimmed.first else { return nil }
        guard letter.isCased else { return String(letter) }
        let upper = letter.uppercased()
        return (upper.count == 1 ? upper : String(letter)) + "."
    }
}
