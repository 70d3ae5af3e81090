extension Rect {
    /// The cells shared by both rectangles; empty (at the clamped origin) when they do not overlap.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(minX, other.minX)
        let top = max(minY, other.minY)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `horizontal` columns on each side and `vertical` rows at top and bottom.
    ///
    /// Shrinking never produces a negative size: a margin larger than the rectangle gives an empty one.
    public func inset(horizontal: Int = 0, vertical: Int = 0) -> Rect {
        let h = min(max(0, horizontal), width / 2)
        let v = min(max(0, vertical), height / 2)
        return Rect(x: x + h, y: y + v, width: width - 2 * h, height: height - 2 * v)
    }

    /// The rectangle shrunk by `margin` cells on every side.
    public func inset(by margin: Int) -> Rect {
        inset(horizontal: margin, vertical: margin)
    }

    /// A rectangle of at most `width × height` centred inside this one.
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(max(0, width), self.width)
        let h = min(max(0, height), self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }

    /// The single row `index` (0-based) of the rectangle, or an empty rectangle past the bottom.
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: maxY, width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// The rectangle without its first `count` rows (clamped).
    public func droppingTop(_ count: Int) -> Rect {
        let n = min(max(0, count), height)
        return Rect(x: x, y: y + n, width: width, height: height - n)
    }

    /// The rectangle without its last `count` rows (clamped).
    public func droppingBottom(_ count: Int) -> Rect {
        Rect(x: x, y: y, width: width, height: height - min(max(0, count), height))
    }

    /// The rectangle without its first `count` columns (clamped).
    public func droppingLeft(_ count: Int) -> Rect {
        let n = min(max(0, count), width)
        return Rect(x: x + n, y: y, width: width - n, height: height)
    }
}
