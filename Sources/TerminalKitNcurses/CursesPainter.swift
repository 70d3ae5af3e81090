import CNcursesw
import TerminalKit

/// Draws cells on stdscr: resolves scopes through the theme, sets attributes and colour
/// pairs, and writes each cell with `setcchar` and `mvadd_wch` so wide characters and
/// combining marks land in the right columns.
struct CursesPainter {
    private(set) var theme: Theme
    private var colors: CursesColorPairs
    private var cache: [Scope: (attributes: attr_t, pair: Int32)] = [:]
    private let unicodeLines: Bool

    init(theme: Theme, colors: CursesColorPairs, unicodeLines: Bool) {
        self.theme = theme
        self.colors = colors
        self.unicodeLines = unicodeLines
    }

    /// Switches themes; the caller redraws everything.
    mutating func setTheme(_ theme: Theme) {
        self.theme = theme
        cache = [:]
        colors.reset()
    }

    /// Writes one cell at its position; cells that do not fit on the screen are skipped.
    mutating func draw(_ change: Buffer.Change, screen: Size) {
        let cell = change.cell
        let x = change.position.x
        let y = change.position.y
        guard x >= 0, y >= 0, y < screen.height, x + cell.width <= screen.width else { return }
        let (attributes, pair) = rendition(for: cell.scope)
        var pairNumber = pair
        if !unicodeLines, let line = Self.lineDrawing(cell.text) {
            _ = wattr_set(cn_stdscr(), attributes, 0, &pairNumber)
            _ = wmove(cn_stdscr(), Int32(y), Int32(x))
            _ = wadd_wch(cn_stdscr(), line)
            _ = wattr_set(cn_stdscr(), cn_a_normal(), 0, nil)
            return
        }
        var characters = cell.text.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
        if characters.isEmpty { characters = [wchar_t(32)] }
        characters.append(0)
        var complex = cchar_t()
        _ = setcchar(&complex, characters, attributes, 0, &pairNumber)
        _ = cn_mvadd_wch(Int32(y), Int32(x), &complex)
    }

    private mutating func rendition(for scope: Scope) -> (attr_t, Int32) {
        if let cached = cache[scope] { return cached }
        let style = theme.style(for: scope, mode: colors.mode)
        var attributes = cn_a_normal()
        if style.modifiers.contains(.bold) { attributes |= cn_a_bold() }
        if style.modifiers.contains(.dim) { attributes |= cn_a_dim() }
        if style.modifiers.contains(.italic) { attributes |= cn_a_italic() }
        if style.modifiers.contains(.underlined) { attributes |= cn_a_underline() }
        if style.modifiers.contains(.reversed) { attributes |= cn_a_reverse() }
        let result = (attributes, colors.pair(for: style))
        cache[scope] = result
        return result
    }

    /// The curses line-drawing character for a box-drawing character, for locales without UTF-8.
    private static func lineDrawing(_ text: String) -> UnsafePointer<cchar_t>? {
        switch text {
        case "─": return cn_wacs_hline()
        case "│": return cn_wacs_vline()
        case "┌": return cn_wacs_ulcorner()
        case "┐": return cn_wacs_urcorner()
        case "└": return cn_wacs_llcorner()
        case "┘": return cn_wacs_lrcorner()
        case "├": return cn_wacs_ltee()
        case "┤": return cn_wacs_rtee()
        case "┬": return cn_wacs_ttee()
        case "┴": return cn_wacs_btee()
        case "┼": return cn_wacs_plus()
        default: return nil
        }
    }
}
