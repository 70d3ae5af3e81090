import TerminalKit
import Testing

@testable import TerminalKitNcurses

/// Raw input in the shape `get_wch` delivers it, decoded as the curses thread does.
@Suite("Curses input decoding")
struct CursesInputDecoderTests {
    // ncurses key codes (octal in <ncurses.h>); stable across ncurses versions.
    static let keyLeft: Int32 = 0o404
    static let keyF0: Int32 = 0o410
    static let keyBackTab: Int32 = 0o541

    private func decode(_ batches: [[RawInput]]) -> [DecodedInput] {
        var decoder = CursesInputDecoder()
        var output: [DecodedInput] = []
        for batch in batches {
            for input in batch { output += decoder.feed(input) }
            output += decoder.endOfBatch()
        }
        return output
    }

    private func characters(_ text: String) -> [RawInput] {
        text.unicodeScalars.map { .character($0.value) }
    }

    private func keys(_ notations: String...) -> [DecodedInput] {
        notations.map { .event(.key((try? KeyPress(notation: $0)) ?? .char("?"))) }
    }

    @Test("Printable characters, including wide ones, become character keys")
    func printable() {
        #expect(decode([characters("a王é")]) == keys("a", "王", "é"))
    }

    @Test("Control characters become their keys")
    func controls() {
        #expect(
            decode([[.character(13), .character(9), .character(127), .character(8), .character(1), .character(0)]])
                == keys("ret", "tab", "backspace", "backspace", "C-a", "C-space"))
    }

    @Test("Escape then a key in the same burst is an Alt chord; a lone Escape is Escape")
    func altChords() {
        #expect(decode([characters("\u{1B}x")]) == keys("A-x"))
        #expect(decode([[.character(27), .character(127)]]) == keys("A-backspace"))
        #expect(decode([[.character(27), .keyCode(Self.keyLeft)]]) == keys("A-left"))
        #expect(decode([[.character(27)], characters("x")]) == keys("esc", "x"))
        #expect(decode([[.character(27), .character(27)]]) == keys("esc", "esc"))
    }

    @Test("Unknown escape sequences are swallowed instead of typing garbage")
    func unknownSequences() {
        #expect(decode([characters("\u{1B}[1;5P") + characters("a")]) == keys("a"))
        #expect(decode([characters("\u{1B}[200~")]).isEmpty)
        #expect(decode([characters("\u{1B}OQb")]) == keys("b"))
        #expect(decode([characters("\u{1B}[")]) == keys("A-["))
    }

    @Test("Invalid characters are ignored")
    func invalid() {
        #expect(decode([[.character(0xD800), .character(0x110000), .character(0x85), .character(0x7F_FFFF)]]).isEmpty)
        #expect(decode([[.keyCode(0o777 - 1)]]).isEmpty)
    }

    @Test("Curses key codes map to keys; mouse and resize are handed back")
    func keyCodes() {
        #expect(
            decode([[.keyCode(Self.keyBackTab), .keyCode(Self.keyF0 + 2), .keyCode(Self.keyF0 + 24)]])
                == keys("S-tab", "F2", "F24"))
        #expect(decode([[.keyCode(CursesKeys.mouse), .keyCode(CursesKeys.resize)]]) == [.mouse, .resize])
    }

    @Test("Bracketed paste arrives whole, across batches, with newlines normalised")
    func paste() {
        let start = RawInput.keyCode(CursesKeyCodes.pasteStart)
        let end = RawInput.keyCode(CursesKeyCodes.pasteEnd)
        let output = decode([
            [start] + characters("Take with food\r\nafter meals\rthen\t"),
            characters("王\u{7}") + [.keyCode(Self.keyLeft), end] + characters("x"),
        ])
        #expect(output == [.event(.paste("Take with food\nafter meals\nthen\t王"))] + keys("x"))
    }
}
