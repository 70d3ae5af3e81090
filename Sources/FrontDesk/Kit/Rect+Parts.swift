import TerminalKit

extension Rect {
    /// The first `rows` rows (fewer when the rectangle is shorter).
    func top(_ rows: Int) -> Rect {
        Rect(x: x, y: y, width: width, height: Swift.max(0, Swift.min(rows, height)))
    }

    /// The rectangle without `count` columns on the right.
    func droppingRight(_ count: Int) -> Rect {
        Rect(x: x, y: y, width: Swift.max(0, width - count), height: height)
    }
}
