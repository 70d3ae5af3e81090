import CNcursesw
import TerminalKit

/// Allocates curses colour pairs on demand for resolved styles.
///
/// Pair 0 is the terminal's default colours. Other pairs are created the first time a
/// foreground/background combination is drawn, up to the terminal's limit; past it, cells
/// fall back to pair 0 (modifiers still apply).
struct CursesColorPairs {
    let mode: ColorMode
    let colorCount: Int32
    let pairLimit: Int32
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(mode: ColorMode, colorCount: Int32, pairLimit: Int32) {
        self.mode = mode
        self.colorCount = colorCount
        self.pairLimit = min(pairLimit, 32_767)
    }

    /// The pair number for a style, allocating it if needed.
    mutating func pair(for style: TextStyle) -> Int32 {
        guard mode != .monochrome else { return 0 }
        let key = PairKey(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        guard nextPair < pairLimit, init_extended_pair(nextPair, key.foreground, key.background) != cn_err() else {
            return 0
        }
        pairs[key] = nextPair
        nextPair += 1
        return nextPair - 1
    }

    /// Forgets every pair (after a theme change, when the screen is redrawn in full).
    mutating func reset() {
        pairs = [:]
        nextPair = 1
    }

    /// The curses colour number for a colour already degraded to the mode.
    private func number(_ color: Color) -> Int32 {
        switch color {
        case .default:
            return -1
        case .ansi(let index):
            return colorCount >= 16 ? Int32(index) : Int32(index % 8)
        case .indexed(let index):
            if Int32(index) < colorCount { return Int32(index) }
            return number(Color.indexed(index).degraded(to: .ansi16))
        case .rgb(let r, let g, let b):
            if mode == .trueColor && colorCount >= 1 << 24 {
                return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
            }
            return number(color.degraded(to: colorCount >= 256 ? .palette256 : .ansi16))
        }
    }
}
