/// A colour as a theme names it, before the terminal's colour support is taken into account.
public enum Color: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 ANSI colours, 0–15, whose exact shade the terminal's palette decides.
    case ansi(UInt8)
    /// An entry 16–255 of the xterm 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI colour names with their numbers; aliases after the canonical name.
    ///
    /// `white` is ANSI 7 (light grey on most terminals); `gray` is ANSI 8 (bright black);
    /// `light-white` / `bright-white` is ANSI 15.
    public static let ansiNames: [(name: String, index: UInt8)] = [
        ("black", 0), ("red", 1), ("green", 2), ("yellow", 3),
        ("blue", 4), ("magenta", 5), ("cyan", 6), ("white", 7),
        ("gray", 8), ("light-red", 9), ("light-green", 10), ("light-yellow", 11),
        ("light-blue", 12), ("light-magenta", 13), ("light-cyan", 14), ("light-white", 15),
        ("grey", 8), ("light-gray", 7), ("light-grey", 7), ("bright-black", 8),
        ("bright-red", 9), ("bright-green", 10), ("bright-yellow", 11), ("bright-blue", 12),
        ("bright-magenta", 13), ("bright-cyan", 14), ("bright-white", 15),
    ]

    /// Reads `default`, an ANSI name, `#rrggbb`, or a palette index `0`–`255`.
    /// Palette names are resolved by the theme, not here.
    public init?(parsing text: String) {
        let lowered = text.lowercased()
        if lowered == "default" || lowered == "reset" {
            self = .default
        } else if let entry = Self.ansiNames.first(where: { $0.name == lowered }) {
            self = .ansi(entry.index)
        } else if lowered.hasPrefix("#") {
            let hex = lowered.dropFirst()
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
            self = .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        } else if let index = Int(lowered) {
            guard let color = Color(index: index) else { return nil }
            self = color
        } else {
            return nil
        }
    }

    /// The palette entry `index` (0–255): ANSI for 0–15, indexed above; `nil` out of range.
    public init?(index: Int) {
        guard (0...255).contains(index) else { return nil }
        self = index < 16 ? .ansi(UInt8(index)) : .indexed(UInt8(index))
    }

    public var description: String {
        switch self {
        case .default: return "default"
        case .ansi(let index): return Self.ansiNames.first(where: { $0.index == index })?.name ?? "\(index)"
        case .indexed(let index): return "\(index)"
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        }
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: Swift.max(0, length - count)) + self
    }
}
