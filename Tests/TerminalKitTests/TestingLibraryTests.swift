import TerminalKit
import TerminalKitTesting
import Testing

@Suite("Testing library")
struct TestingLibraryTests {
    @Test("Key scripts read keys, typed words and quoted text")
    func keyScript() throws {
        let events = try KeyScript.parse("/ jo sm ret tab C-s <esc> \"end now\"")
        let expected: [KeyEvent] =
            [
                .key(.char("/")), .key(.char("j")), .key(.char("o")), .key(.char("s")), .key(.char("m")),
                .key(KeyPress(.enter)), .key(KeyPress(.tab)), .key(.ctrl("s")), .key(KeyPress(.escape)),
            ] + "end now".map { .key(.char($0)) }
        #expect(events == expected)
    }

    @Test("Key script errors name the token", arguments: ["C-foo", "<nope>", "\"open"])
    func keyScriptErrors(script: String) {
        #expect(throws: KeyScriptError.self) { try KeyScript.parse(script) }
    }

    @Test("Snapshot text keeps trailing spaces, shows wide characters once and names style runs")
    func snapshotFormat() {
        var buffer = Buffer(size: Size(width: 8, height: 3))
        buffer.write("王小", at: Position(x: 1, y: 0), scope: "lookup.match")
        buffer.setScope(.borderFocus, in: Rect(x: 0, y: 1, width: 8, height: 2))
        buffer.write("ab", at: Position(x: 0, y: 2), scope: .text)
        buffer.cursor = Position(x: 2, y: 2)
        #expect(
            Snapshot.text(of: buffer) == """
                 王小   
                        
                ab      
                --- styles 8x3 ---
                row 0: cols 1-4 lookup.match
                row 1: cols 0-7 ui.border.focus
                row 2: cols 2-7 ui.border.focus
                cursor: 2,2

                """)
    }

    @Test("Identical rows of style runs are merged")
    func mergedRows() {
        var buffer = Buffer(size: Size(width: 3, height: 4))
        buffer.setScope(.border, in: Rect(x: 0, y: 0, width: 1, height: 3))
        #expect(Snapshot.text(of: buffer).hasSuffix("--- styles 3x4 ---\nrows 0-2: col 0 ui.border\n"))
    }

    @Test("The memory backend records frames and replays events in order")
    func memoryBackend() async {
        let backend = MemoryBackend(size: Size(width: 10, height: 2))
        var frame = Buffer(size: backend.size)
        frame.write("hi", at: .zero, scope: .text)
        frame.cursor = Position(x: 2, y: 0)
        backend.present(frame)
        #expect(backend.presentedBuffer == frame)
        #expect(backend.presentedCursor == Position(x: 2, y: 0))
        backend.send(.key(.char("a")))
        backend.resize(to: Size(width: 40, height: 12))
        backend.send(.paste("Ana"))
        backend.stop()
        var received: [KeyEvent] = []
        for await event in backend.events { received.append(event) }
        #expect(received == [.key(.char("a")), .resize(Size(width: 40, height: 12)), .paste("Ana")])
        #expect(backend.size == Size(width: 40, height: 12))
        backend.present(Buffer(size: .zero))
        #expect(backend.presentCount == 1)
    }
}
