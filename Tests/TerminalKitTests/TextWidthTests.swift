import Glibc
import TerminalKit
import Testing

@Suite("Text width and segmentation")
struct TextWidthTests {
    @Test(
        "Names in several scripts take the columns a terminal gives them",
        arguments: [
            ("José", 4),
            ("Rene\u{0301}e", 5),
            ("محمد عبد الله", 13),
            ("अनिता शर्मा", 10),
            ("王小明", 6),
            ("Nguyễn Thị Hương", 16),
            ("Nguye\u{0302}\u{0303}n", 6),
            ("김민준", 6),
            ("👍", 2),
        ])
    func displayWidth(text: String, width: Int) {
        #expect(TextWidth.displayWidth(of: text) == width)
    }

    @Test("A decomposed accent stays in the cell of its letter")
    func decomposedAccent() {
        let segments = TextWidth.segments(of: "Rene\u{0301}e")
        #expect(segments.map(\.text) == ["R", "e", "n", "e\u{0301}", "e"])
        #expect(segments.allSatisfy { $0.width == 1 })
    }

    @Test("Devanagari spacing vowel signs take a column, nonspacing ones do not")
    func devanagari() {
        // अ न ि त ा: ि (U+093F) and ा (U+093E) are spacing marks (Mc).
        #expect(TextWidth.segments(of: "अनिता").count == 5)
        // क + ् (virama, Mn) + ष: the virama joins the first cell.
        #expect(TextWidth.segments(of: "क्ष").map(\.text) == ["क्", "ष"])
    }

    @Test("Control characters never reach a cell")
    func controls() {
        #expect(TextWidth.segments(of: "a\tb\nc\u{1B}[31m").map(\.text) == ["a", "b", "c", "[", "3", "1", "m"])
        #expect(TextWidth.displayWidth(of: "\u{7}\u{0}") == 0)
        #expect(CellWidth.of("\u{85}") == nil)
    }

    @Test(
        "Truncation ends in an ellipsis and never splits a wide character",
        arguments: [
            ("Nguyễn Thị Hương", 8, "Nguyễn… "),
            ("王小明", 4, "王… "),
            ("王小明", 6, "王小明"),
            ("王小明", 5, "王小…"),
            ("abc", 1, "…"),
            ("abc", 0, ""),
            ("محمد عبد الله", 6, "محمد… "),
        ])
    func truncation(text: String, width: Int, expected: String) {
        let result = TextWidth.truncate(text, toWidth: width)
        #expect(result == expected)
        #expect(result.displayWidth <= width)
    }

    @Test("Fitting pads by display width")
    func fit() {
        #expect(TextWidth.fit("王", width: 4) == "王  ")
        #expect(TextWidth.fit("王", width: 4, alignment: .right) == "  王")
        #expect(TextWidth.fit("Rene\u{0301}e", width: 7).displayWidth == 7)
    }

    @Test("Wrapping breaks at spaces, and between cells when a word is too long")
    func wrap() {
        #expect(TextWidth.wrap("Cancel the appointment of Ana", width: 12) == ["Cancel the", "appointment", "of Ana"])
        #expect(TextWidth.wrap("王小明王小明", width: 5) == ["王小", "明王", "小明"])
        #expect(TextWidth.wrap("", width: 5) == [""])
        #expect(TextWidth.wrap("abc", width: 0) == [])
    }

    @Test("The width table agrees with glibc wcwidth for every assigned scalar")
    func agreesWithGlibc() throws {
        let previous = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        defer { setlocale(LC_CTYPE, previous) }
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil, "the C.UTF-8 locale is needed for this check")
        typealias WidthFunction = @convention(c) (Int32) -> Int32
        let symbol = try #require(dlsym(dlopen(nil, RTLD_NOW), "wcwidth"), "glibc's wcwidth")
        let wcwidth = unsafeBitCast(symbol, to: WidthFunction.self)
        var mismatches: [String] = []
        for value in UInt32(0xA0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = Int(wcwidth(Int32(bitPattern: value)))
            guard expected >= 0 else { continue }
            if CellWidth.of(scalar) != expected {
                mismatches.append("U+\(String(value, radix: 16, uppercase: true)): glibc \(expected)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}
