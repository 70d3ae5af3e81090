/// A cell position on the screen: `x` is the column, `y` the row, both from 0 at the top left.
public struct Position: Hashable, Sendable, CustomStringConvertible {
    /// The column, counted from 0 at the left edge.
    public var x: Int
    /// The row, counted from 0 at the top edge.
    public var y: Int

    /// Creates a position at column `x`, row `y`.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// The top-left corner.
    public static let zero = Position(x: 0, y: 0)

    public var description: String { "(\(x), \(y))" }
}
