import Foundation

/// The board's large lettering: digits, capital letters and a few signs, each five cells high,
/// drawn with block characters (no font file, no terminal feature beyond one cell a character).
///
/// Glyphs are written as rows of `#` (a block) and spaces; lower case is drawn as capitals and
/// accents are dropped (`Sala é` → `SALA E`). A text with any other character has no large form,
/// and the board says it in ordinary letters instead.
enum BoardFont {
    /// Rows in one glyph at scale 1.
    static let height = 5
    /// Blank columns between two glyphs at scale 1.
    static let spacing = 1

    /// The glyphs of `text`, or nil when one of its characters has none.
    static func glyphs(of text: String) -> [[String]]? {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).uppercased()
        var glyphs: [[String]] = []
        for character in folded {
            guard let glyph = table[character] else { return nil }
            glyphs.append(glyph)
        }
        return glyphs
    }

    /// Columns `text` takes at `scale`; nil when it has no large form.
    static func width(of text: String, scale: Int) -> Int? {
        guard let glyphs = glyphs(of: text) else { return nil }
        return width(of: glyphs, scale: scale)
    }

    static func width(of glyphs: [[String]], scale: Int) -> Int {
        guard !glyphs.isEmpty else { return 0 }
        let columns = glyphs.reduce(0) { $0 + glyphWidth($1) } + spacing * (glyphs.count - 1)
        return columns * scale
    }

    static func glyphWidth(_ glyph: [String]) -> Int {
        glyph.map(\.count).max() ?? 0
    }

    private static let table: [Character: [String]] = [
        "0": [" ### ", "#   #", "# # #", "#   #", " ### "],
        "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["#### ", "    #", " ### ", "#    ", "#####"],
        "3": ["#### ", "    #", " ### ", "    #", "#### "],
        "4": ["#   #", "#   #", "#####", "    #", "    #"],
        "5": ["#####", "#    ", "#### ", "    #", "#### "],
        "6": [" ### ", "#    ", "#### ", "#   #", " ### "],
        "7": ["#####", "    #", "   # ", "  #  ", "  #  "],
        "8": [" ### ", "#   #", " ### ", "#   #", " ### "],
        "9": [" ### ", "#   #", " ####", "    #", " ### "],
        "A": [" ### ", "#   #", "#####", "#   #", "#   #"],
        "B": ["#### ", "#   #", "#### ", "#   #", "#### "],
        "C": [" ####", "#    ", "#    ", "#    ", " ####"],
        "D": ["#### ", "#   #", "#   #", "#   #", "#### "],
        "E": ["#####", "#    ", "#### ", "#    ", "#####"],
        "F": ["#####", "#    ", "#### ", "#    ", "#    "],
        "G": [" ####", "#    ", "#  ##", "#   #", " ####"],
        "H": ["#   #", "#   #", "#####", "#   #", "#   #"],
        "I": ["###", " # ", " # ", " # ", "###"],
        "J": ["  ###", "    #", "    #", "#   #", " ### "],
        "K": ["#   #", "#  # ", "###  ", "#  # ", "#   #"],
        "L": ["#    ", "#    ", "#    ", "#    ", "#####"],
        "M": ["#   #", "## ##", "# # #", "#   #", "#   #"],
        "N": ["#   #", "##  #", "# # #", "#  ##", "#   #"],
        "O": [" ### ", "#   #", "#   #", "#   #", " ### "],
        "P": ["#### ", "#   #", "#### ", "#    ", "#    "],
        "Q": [" ### ", "#   #", "# # #", "#  # ", " ## #"],
        "R": ["#### ", "#   #", "#### ", "#  # ", "#   #"],
        "S": [" ####", "#    ", " ### ", "    #", "#### "],
        "T": ["#####", "  #  ", "  #  ", "  #  ", "  #  "],
        "U": ["#   #", "#   #", "#   #", "#   #", " ### "],
        "V": ["#   #", "#   #", "#   #", " # # ", "  #  "],
        "W": ["#   #", "#   #", "# # #", "## ##", "#   #"],
        "X": ["#   #", " # # ", "  #  ", " # # ", "#   #"],
        "Y": ["#   #", " # # ", "  #  ", "  #  ", "  #  "],
        "Z": ["#####", "   # ", "  #  ", " #   ", "#####"],
        " ": ["   ", "   ", "   ", "   ", "   "],
        "→": ["     ", "   # ", "#####", "   # ", "     "],
        "-": ["    ", "    ", "####", "    ", "    "],
        "+": ["     ", "  #  ", "#####", "  #  ", "     "],
        ".": [" ", " ", " ", " ", "#"],
        ",": ["  ", "  ", "  ", " #", "# "],
        ":": [" ", "#", " ", "#", " "],
        "/": ["    #", "   # ", "  #  ", " #   ", "#    "],
        "#": [" # # ", "#####", " # # ", "#####", " # # "],
        "'": ["#", "#", " ", " ", " "],
        "(": [" #", "# ", "# ", "# ", " #"],
        ")": ["# ", " #", " #", " #", "# "],
    ]
}
