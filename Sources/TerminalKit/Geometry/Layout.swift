/// How much space one slot of a ``Layout`` asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells, if there is room.
    case length(Int)
    /// This percentage (0–100) of the space left after spacing.
    case percent(Int)
    /// `numerator / denominator` of the space left after spacing.
    case ratio(Int, Int)
    /// At least this many cells if there is room; grows when no ``fill(_:)`` slot takes the rest.
    case min(Int)
    /// Grows like a fill slot of weight 1, but never beyond this many cells.
    case max(Int)
    /// Takes a share of the space the other slots leave, in proportion to its weight.
    case fill(Int)
}

/// The direction in which a ``Layout`` cuts a rectangle.
public enum Axis: Hashable, Sendable {
    /// Slots are columns placed left to right.
    case horizontal
    /// Slots are rows placed top to bottom.
    case vertical
}

/// Splits a rectangle into rows or columns by constraints.
///
/// The solver degrades gracefully: when space is short, percentages and ratios shrink
/// first, then fixed lengths and minimums, proportionally; sizes are never negative and
/// any input, including a 0×0 area, gives one rectangle per constraint.
///
/// ```swift
/// let panes = Layout.columns([.percent(40), .fill(1)], spacing: 1).split(area)
/// ```
public struct Layout: Hashable, Sendable {
    /// The cutting direction.
    public var axis: Axis
    /// One constraint per slot.
    public var constraints: [Constraint]
    /// Empty cells between neighbouring slots; dropped when there is not enough room.
    public var spacing: Int

    /// Creates a layout along `axis`.
    public init(axis: Axis, constraints: [Constraint], spacing: Int = 0) {
        self.axis = axis
        self.constraints = constraints
        self.spacing = Swift.max(0, spacing)
    }

    /// A layout of rows, top to bottom.
    public static func rows(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(axis: .vertical, constraints: constraints, spacing: spacing)
    }

    /// A layout of columns, left to right.
    public static func columns(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(axis: .horizontal, constraints: constraints, spacing: spacing)
    }

    /// Cuts `area` into one rectangle per constraint.
    public func split(_ area: Rect) -> [Rect] {
        let total = axis == .horizontal ? area.width : area.height
        let (sizes, gap) = Layout.solve(constraints, total: total, spacing: spacing)
        var rects: [Rect] = []
        rects.reserveCapacity(sizes.count)
        var offset = 0
        for size in sizes {
            switch axis {
            case .horizontal:
                rects.append(Rect(x: area.x + offset, y: area.y, width: size, height: area.height))
            case .vertical:
                rects.append(Rect(x: area.x, y: area.y + offset, width: area.width, height: size))
            }
            offset += size + gap
        }
        return rects
    }

    /// The slot sizes for `constraints` over `total` cells, and the spacing actually used.
    public static func sizes(for constraints: [Constraint], total: Int, spacing: Int = 0) -> [Int] {
        solve(constraints, total: total, spacing: spacing).sizes
    }
}
