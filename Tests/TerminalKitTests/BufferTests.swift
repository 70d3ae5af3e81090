import TerminalKit
import Testing

@Suite("Buffer writing")
struct BufferTests {
    private func buffer(_ width: Int, _ height: Int = 1) -> Buffer {
        Buffer(size: Size(width: width, height: height))
    }

    @Test("Writing is clipped to the clip rectangle and returns the column after the text")
    func clipping() {
        var b = buffer(10)
        let end = b.write(
            "Hello world", at: Position(x: 2, y: 0), scope: .title, clip: Rect(x: 0, y: 0, width: 7, height: 1))
        #expect(b.text(ofRow: 0) == "  Hello   ")
        #expect(end == 13)
        #expect(b[6, 0].scope == .title)
        #expect(b[7, 0].scope == .text)
    }

    @Test("A wide character is one lead cell plus a continuation")
    func wideCells() {
        var b = buffer(6)
        b.write("王小", at: .zero, scope: .text)
        #expect(b[0, 0].text == "王" && b[0, 0].width == 2)
        #expect(b[1, 0].isContinuation)
        #expect(b.text(ofRow: 0) == "王小  ")
    }

    @Test("A wide character that does not fit at the right edge leaves a blank")
    func wideAtEdge() {
        var b = buffer(5)
        b.write("abcd王", at: .zero, scope: .text)
        #expect(b.text(ofRow: 0) == "abcd ")
        #expect(b.cells.allSatisfy { !$0.isContinuation })
    }

    @Test("A wide character cut by the left edge of the clip leaves a blank")
    func wideAtLeftClip() {
        var b = buffer(6)
        b.write("王小明", at: Position(x: -1, y: 0), scope: .text)
        #expect(b.text(ofRow: 0) == " 小明 ")
    }

    @Test("Overwriting either half of a wide character blanks the other half")
    func overwriteHalves() {
        var b = buffer(4)
        b.write("王小", at: .zero, scope: .text)
        b.write("x", at: Position(x: 1, y: 0), scope: .text)
        #expect(b.text(ofRow: 0) == " x小")
        b.write("y", at: Position(x: 2, y: 0), scope: .text)
        #expect(b.text(ofRow: 0) == " xy ")
        #expect(b.cells.allSatisfy { !$0.isContinuation })
    }

    @Test("A wide character written over the lead of another blanks that one's tail")
    func wideOverWide() {
        var b = buffer(5)
        b.write("a王b", at: .zero, scope: .text)
        b.write("小", at: Position(x: 0, y: 0), scope: .text)
        #expect(b.text(ofRow: 0) == "小 b ")
    }

    @Test("Fill and setScope stay inside the buffer")
    func fillAndScope() {
        var b = buffer(4, 2)
        b.fill(Rect(x: 2, y: 1, width: 10, height: 10), scope: .selection)
        b.setScope(.header, in: Rect(x: -3, y: 0, width: 4, height: 1))
        #expect(b[3, 1].scope == .selection)
        #expect(b[0, 0].scope == .header)
        #expect(b[1, 1].scope == .text)
    }

    @Test("Writing outside the buffer does nothing", arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1)])
    func outside(size: Size) {
        var b = Buffer(size: size)
        b.write("王小明", at: Position(x: -5, y: 3), scope: .text)
        b.write("王", at: .zero, scope: .text)
        b.set(Cell("x"), at: Position(x: 9, y: 9))
        #expect(b.cells.allSatisfy { !$0.isContinuation })
    }
}

@Suite("Buffer diff")
struct BufferDiffTests {
    private func row(_ text: String, width: Int = 6) -> Buffer {
        var b = Buffer(size: Size(width: width, height: 1))
        b.write(text, at: .zero, scope: .text)
        return b
    }

    private func changes(_ from: Buffer, _ to: Buffer) -> [String] {
        to.diff(from: from).map { "\($0.position.x):\($0.cell.text)" }
    }

    @Test("Identical frames draw nothing")
    func identical() {
        #expect(row("王小明").diff(from: row("王小明")).isEmpty)
    }

    @Test("Only changed cells are drawn")
    func changedOnly() {
        #expect(changes(row("abcdef"), row("abXdef")) == ["2:X"])
    }

    @Test("A wide character replaced by narrow ones redraws both columns")
    func wideToNarrow() {
        #expect(changes(row("王b"), row("xyb")) == ["0:x", "1:y"])
    }

    @Test("Narrow characters replaced by a wide one draw only the wide one")
    func narrowToWide() {
        #expect(changes(row("xyb"), row("王b")) == ["0:王"])
    }

    @Test("A wide character shifted by one column redraws what it uncovers")
    func shiftedWide() {
        #expect(changes(row("王ab"), row("a王b")) == ["0:a", "1:王"])
    }

    @Test("A wide character removed from the last columns leaves blanks drawn")
    func wideAtEnd() {
        #expect(changes(row("abcd王"), row("abcd")) == ["4: ", "5: "])
    }

    @Test("Changing only the style redraws the cell")
    func styleChange() {
        let before = row("王")
        var after = before
        after.setScope(.selection, in: Rect(x: 0, y: 0, width: 1, height: 1))
        #expect(changes(before, after) == ["0:王"])
    }

    @Test("A size change redraws every visible cell")
    func sizeChange() {
        let before = row("ab", width: 3)
        let after = row("王a", width: 4)
        #expect(changes(before, after) == ["0:王", "2:a", "3: "])
    }

    @Test(
        "Applying the diff to the old frame gives the new frame",
        arguments: [
            ("王小明 Ana", "Ana 王小明"), ("abcdefghij", "王王王王王"), ("王王王王王", "a王b王c"), ("", "Nguyễn"),
        ])
    func diffReproducesFrame(old: String, new: String) {
        let before = row(old, width: 10)
        let after = row(new, width: 10)
        var screen = before
        for change in after.diff(from: before) { screen.set(change.cell, at: change.position) }
        #expect(screen == after)
    }
}
