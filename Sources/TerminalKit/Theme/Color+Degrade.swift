extension Color {
    /// This colour as a terminal with `mode` colour support can show it.
    ///
    /// 24-bit colours map to the nearest xterm 256-colour entry (16–255, leaving the
    /// user-themable 0–15 alone) or to the nearest of the 16 ANSI colours; monochrome drops
    /// every colour.
    public func degraded(to mode: ColorMode) -> Color {
        switch (mode, self) {
        case (_, .default), (.trueColor, _):
            return self
        case (.monochrome, _):
            return .default
        case (.palette256, .rgb(let r, let g, let b)):
            return .indexed(Self.nearest256(r, g, b))
        case (.palette256, _):
            return self
        case (.ansi16, .ansi):
            return self
        case (.ansi16, .indexed(let index)):
            let (r, g, b) = Self.rgbOfIndex(index)
            return .ansi(Self.nearest16(r, g, b))
        case (.ansi16, .rgb(let r, let g, let b)):
            return .ansi(Self.nearest16(r, g, b))
        }
    }

    /// Typical xterm shades of the 16 ANSI colours, used only to pick the nearest one.
    static let ansiShades: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six levels of each channel in the 6×6×6 colour cube (entries 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The shade of palette entry `index`.
    static func rgbOfIndex(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16:
            return ansiShades[Int(index)]
        case 16..<232:
            let n = Int(index) - 16
            return (UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[(n / 6) % 6]), UInt8(cubeLevels[n % 6]))
        default:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return (level, level, level)
        }
    }

    /// The nearest entry of the cube or the grey ramp (16–255).
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func nearestLevel(_ value: UInt8) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - Int(value)) < abs(cubeLevels[$1] - Int(value)) } ?? 0
        }
        let cube = 16 + 36 * nearestLevel(r) + 6 * nearestLevel(g) + nearestLevel(b)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        let cubeDistance = distance((r, g, b), rgbOfIndex(UInt8(cube)))
        let greyDistance = distance((r, g, b), rgbOfIndex(UInt8(grey)))
        return UInt8(greyDistance < cubeDistance ? grey : cube)
    }

    /// The nearest of the 16 ANSI colours.
    static func nearest16(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let best = ansiShades.indices.min { distance((r, g, b), ansiShades[$0]) < distance((r, g, b), ansiShades[$1]) }
        return UInt8(best ?? 7)
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0)
        let dg = Int(a.1) - Int(b.1)
        let db = Int(a.2) - Int(b.2)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
