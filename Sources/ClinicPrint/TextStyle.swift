/// The few text styles a printed document uses, each a Pango font description and a grey level.
enum TextStyle: Sendable, Hashable {
    /// The document's title: the clinic's name.
    case title
    /// A section heading, and a table's column titles.
    case heading
    /// Running text and values.
    case body
    /// Emphasised running text, e.g. a medicine's name.
    case strong
    /// Labels beside values, address lines, the footer.
    case small
    /// Codes to be read back or typed: monospaced so 0 and O, 1 and l differ.
    case code

    /// Families tried in order for each character, so every script lands on a Noto face rather than
    /// on whatever fontconfig ranks first (DejaVu also has Arabic, for one).
    private static let families = "Noto Sans, Noto Sans Arabic, Noto Sans Devanagari, Noto Sans CJK SC"

    /// The Pango font description string, e.g. "Noto Sans, … Bold 11".
    var fontDescription: String {
        switch self {
        case .title: "\(Self.families) Bold 16"
        case .heading: "\(Self.families) Bold 10"
        case .body: "\(Self.families) 11"
        case .strong: "\(Self.families) Bold 11"
        case .small: "\(Self.families) 9"
        case .code: "Noto Sans Mono, \(Self.families) Bold 10"
        }
    }

    /// The ink's grey level: 0 is black.
    var gray: Double {
        switch self {
        case .small: 0.3
        default: 0
        }
    }
}

/// Where the lines of a text sit in the width they are given.
enum TextAlignment: Sendable, Hashable {
    /// At the paragraph's start: the left for left-to-right text, the right for Arabic or Hebrew.
    case natural
    /// At the left, as in a left-to-right form, whatever the text's direction: an Arabic name in a
    /// value column starts where a Latin one would. Each paragraph's direction still comes from
    /// its first strong character, so the text itself is ordered correctly.
    case left
    /// Centred.
    case center
    /// At the right, whatever the text's direction, as amounts are.
    case right
}
