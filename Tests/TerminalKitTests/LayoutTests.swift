import TerminalKit
import Testing

@Suite("Layout")
struct LayoutTests {
    @Test("Fixed lengths and a fill share the space")
    func lengthAndFill() {
        #expect(Layout.sizes(for: [.length(10), .fill(1), .length(5)], total: 40) == [10, 25, 5])
    }

    @Test("Fill weights divide the rest proportionally")
    func weights() {
        #expect(Layout.sizes(for: [.fill(1), .fill(2)], total: 30) == [10, 20])
        #expect(Layout.sizes(for: [.fill(1), .fill(1), .fill(1)], total: 10) == [4, 3, 3])
    }

    @Test("Percentages use the whole space without a gap from rounding")
    func percent() {
        #expect(Layout.sizes(for: [.percent(33), .percent(33), .percent(34)], total: 121) == [40, 40, 41])
        #expect(Layout.sizes(for: [.percent(50), .percent(50)], total: 81).reduce(0, +) == 81)
    }

    @Test("Ratios and minimums")
    func ratioAndMin() {
        #expect(Layout.sizes(for: [.ratio(1, 3), .min(10)], total: 30) == [10, 20])
        #expect(Layout.sizes(for: [.min(10), .fill(1)], total: 30) == [10, 20])
        #expect(Layout.sizes(for: [.max(5), .length(2)], total: 30) == [5, 2])
    }

    @Test("Short space shrinks percentages first, then lengths, never below zero")
    func shortSpace() {
        #expect(Layout.sizes(for: [.length(10), .percent(50), .fill(1)], total: 12) == [10, 2, 0])
        #expect(Layout.sizes(for: [.length(10), .length(30)], total: 20) == [5, 15])
        #expect(Layout.sizes(for: [.length(3), .min(3)], total: 1).allSatisfy { $0 >= 0 })
    }

    @Test("Spacing is dropped when there is no room for it")
    func spacing() {
        let wide = Layout.columns([.fill(1), .fill(1)], spacing: 2).split(Rect(x: 0, y: 0, width: 12, height: 3))
        #expect(wide.map(\.x) == [0, 7])
        #expect(wide.map(\.width) == [5, 5])
        let tight = Layout.columns([.fill(1), .fill(1), .fill(1)], spacing: 2).split(
            Rect(x: 0, y: 0, width: 3, height: 1))
        #expect(tight.map(\.width) == [1, 1, 1])
    }

    @Test("Rows are stacked top to bottom inside the area")
    func rows() {
        let rects = Layout.rows([.length(1), .fill(1), .length(1)]).split(Rect(x: 2, y: 3, width: 10, height: 8))
        #expect(
            rects == [
                Rect(x: 2, y: 3, width: 10, height: 1), Rect(x: 2, y: 4, width: 10, height: 6),
                Rect(x: 2, y: 10, width: 10, height: 1),
            ])
    }

    @Test("Degenerate areas give empty rectangles, one per constraint", arguments: [0, 1])
    func degenerate(size: Int) {
        let constraints: [Constraint] = [
            .length(5), .percent(40), .ratio(1, 0), .min(2), .max(3), .fill(0), .length(-4),
        ]
        let rects = Layout.columns(constraints, spacing: 3).split(Rect(x: 0, y: 0, width: size, height: size))
        #expect(rects.count == constraints.count)
        #expect(rects.allSatisfy { $0.width >= 0 && $0.height >= 0 && $0.maxX <= size })
        #expect(Layout.rows([]).split(Rect(x: 0, y: 0, width: 5, height: 5)).isEmpty)
    }

    @Test("Rect helpers never produce negative sizes")
    func rectHelpers() {
        let r = Rect(x: 0, y: 0, width: 3, height: 1)
        #expect(r.inset(by: 5).width >= 0)
        #expect(r.centered(width: 10, height: 10) == r)
        #expect(r.intersection(Rect(x: 10, y: 10, width: 2, height: 2)).isEmpty)
        #expect(Rect(x: 0, y: 0, width: -3, height: -1).isEmpty)
    }
}
