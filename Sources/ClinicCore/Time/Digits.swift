/// Zero-padded decimal text without `String(format:)`, which is slow on Linux and
/// shows up in profiles of bulk imports that format millions of dates.
public enum Digits {
    /// `padded(7, 3)` → `"007"`; negative values keep their sign before the zeros.
    public static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }
}
