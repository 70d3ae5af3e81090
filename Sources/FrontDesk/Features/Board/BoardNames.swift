public import ClinicCore

/// How the waiting-room board names the people it shows beside their ticket.
///
/// Initials by default: a waiting room is public, and a ticket with initials is enough for a
/// patient to be sure the call is theirs. `clinicdesk board --names` or `board_names` in
/// the configuration file chooses another.
public enum BoardNames: String, CaseIterable, Hashable, Sendable {
    /// `S. J.` for Smith, John (the default).
    case initials
    /// `Smith, John`, as the desk's lists show the name.
    case full
    /// Tickets only.
    case none

    /// What the board shows for a patient of these names; nil when names are hidden (or there is none).
    public func label(family: String, given: String) -> String? {
        switch self {
        case .none:
            return nil
        case .full:
            let name = PatientDetails(familyName: family, givenName: given).displayName
            return name.isEmpty ? nil : name
        case .initials:
            let initials = BoardInitials.of(family: family, given: given)
            return initials.isEmpty ? nil : initials
        }
    }
}

/// Initials from a patient's names, in any script: the first letter of the family name, then
/// of the given name, in the order the desk writes names (`Smith, John` → `S. J.`).
///
/// Letters of scripts with case are capitalised and followed by a dot (`Ø. S.`, `N. T.`);
/// letters of scripts without case stand alone (`王 小`, `م ع`, `श अ`). A letter is a whole
/// grapheme, so a base letter keeps its accents and a Devanagari consonant its marks.
public enum BoardInitials {
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
