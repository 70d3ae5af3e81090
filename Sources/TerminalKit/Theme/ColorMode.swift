/// How many colours the terminal can show.
public enum ColorMode: Int, Hashable, Sendable, Comparable, CaseIterable {
    /// No colour: only bold, dim, italic, underline and reverse.
    case monochrome
    /// The 16 ANSI colours.
    case ansi16
    /// The xterm 256-colour palette.
    case palette256
    /// 24-bit colour.
    case trueColor

    public static func < (lhs: ColorMode, rhs: ColorMode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decides the colour mode from the environment and the number of colours the terminal reports.
    ///
    /// `NO_COLOR` set to anything non-empty, or `TERM` of `dumb` or a `vt` terminal (vt100,
    /// vt220…), gives monochrome, as does a terminal with fewer than 8 colours. Otherwise the
    /// colour count decides: 2²⁴ or more is true colour, 256 or more the 256 palette, else 16.
    public static func detect(environment: [String: String], colorCount: Int) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        let term = (environment["TERM"] ?? "").lowercased()
        if term == "dumb" || term.hasPrefix("vt") { return .monochrome }
        switch colorCount {
        case (1 << 24)...: return .trueColor
        case 256...: return .palette256
        case 8...: return .ansi16
        default: return .monochrome
        }
    }
}
