extension Buffer {
    /// The cells of `rect` (clipped to the buffer), row by row: what ``restore(_:in:)`` puts back.
    public func cells(in rect: Rect) -> [Cell] {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return [] }
        var region: [Cell] = []
        region.reserveCapacity(target.width * target.height)
        for y in target.minY..<target.maxY {
            let start = y * size.width + target.minX
            region.append(contentsOf: cells[start..<(start + target.width)])
        }
        return region
    }

    /// Puts back, cell for cell, a region taken by ``cells(in:)`` with the same `rect` from a
    /// buffer of this size (a region of any other shape is ignored).
    public mutating func restore(_ region: [Cell], in rect: Rect) {
        let target = rect.intersection(area)
        guard !target.isEmpty, region.count == target.width * target.height else { return }
        for row in 0..<target.height {
            let start = (target.minY + row) * size.width + target.minX
            let from = row * target.width
            cells.replaceSubrange(start..<(start + target.width), with: region[from..<(from + target.width)])
        }
    }
}
