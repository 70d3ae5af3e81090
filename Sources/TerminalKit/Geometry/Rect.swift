/// A rectangle of cells: an origin plus a size. Width and height are never negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// The left column.
    public var x: Int
    /// The top row.
    public var y: Int
    /// The number of columns; never negative.
    public var width: Int {
        didSet { width = max(0, width) }
    }
    /// The number of rows; never negative.
    public var height: Int {
        didSet { height = max(0, height) }
    }

    /// Creates a rectangle; negative dimensions become zero.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Creates a rectangle at `origin` of `size`.
    public init(origin: Position = .zero, size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    /// The empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// The first column inside the rectangle.
    public var minX: Int { x }
    /// The first row inside the rectangle.
    public var minY: Int { y }
    /// The first column past the right edge.
    public var maxX: Int { x + width }
    /// The first row past the bottom edge.
    public var maxY: Int { y + height }
    /// The top-left corner.
    public var origin: Position { Position(x: x, y: y) }
    /// The width and height.
    public var size: Size { Size(width: width, height: height) }
    /// Whether the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Whether `position` lies inside the rectangle.
    public func contains(_ position: Position) -> Bool {
        position.x >= minX && position.x < maxX && position.y >= minY && position.y < maxY
    }

    public var description: String { "Rect(x: \(x), y: \(y), \(width)x\(height))" }
}
