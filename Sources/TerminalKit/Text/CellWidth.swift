/// How many terminal columns one Unicode scalar takes.
public enum CellWidth {
    /// The columns `scalar` takes: 0 (it attaches to the previous cell), 1 or 2;
    /// `nil` for control characters, which never go into a cell.
    public static func of(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) || value == 0x2028 || value == 0x2029 {
            return nil
        }
        if value < 0x0300 { return 1 }
        if contains(value, in: CellWidthTable.zeroWidth) { return 0 }
        if value >= 0x1100 && contains(value, in: CellWidthTable.doubleWidth) { return 2 }
        return 1
    }

    /// Binary search over sorted, disjoint closed ranges.
    private static func contains(_ value: UInt32, in ranges: [(UInt32, UInt32)]) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let (start, end) = ranges[mid]
            if value < start {
                high = mid - 1
            } else if value > end {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
