/// Byte-level readers for the canonical forms the store writes (`1984-03-07`, `KD3-000417`).
/// They only accept exactly those forms and return nil for anything else, so the general
/// parsers behind them still decide every other input; they exist because splitting strings
/// for each of a day's thousand rows was a fifth of loading the book.
enum ASCIIDigits {
    /// `YYYY-MM-DD` with ASCII digits, as numbers (not yet checked as a calendar date).
    static func isoDate(_ text: String) -> (Int, Int, Int)? {
        var text = text
        return text.withUTF8 { bytes -> (Int, Int, Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let year = number(bytes, 0..<4), let month = number(bytes, 5..<7), let day = number(bytes, 8..<10)
            else { return nil }
            return (year, month, day)
        }
    }

    /// `2026-11-20T10:00:00.000Z` (as ``ISOInstant/format(_:)`` writes it): the date, the
    /// seconds of the day and the milliseconds; nil for any other form.
    static func isoInstant(_ text: String) -> (Int, Int, Int, Int, Int)? {
        var text = text
        return text.withUTF8 { bytes -> (Int, Int, Int, Int, Int)? in
            guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
                  bytes[23] == UInt8(ascii: "Z"),
                  let year = number(bytes, 0..<4), let month = number(bytes, 5..<7), let day = number(bytes, 8..<10),
                  let hour = number(bytes, 11..<13), let minute = number(bytes, 14..<16), let second = number(bytes, 17..<19),
                  let millis = number(bytes, 20..<23), hour < 24, minute < 60, second < 60
            else { return nil }
            return (year, month, day, hour * 3600 + minute * 60 + second, millis)
        }
    }

    /// `KD3-000417`: an uppercase letter, one to three uppercase letters or digits, a dash,
    /// one to nine digits.
    static func mrn(_ text: String) -> (String, Int)? {
        var text = text
        return text.withUTF8 { bytes -> (String, Int)? in
            guard let dash = bytes.firstIndex(of: UInt8(ascii: "-")), (2...4).contains(dash),
                  (1...9).contains(bytes.count - dash - 1), isUppercase(bytes[0]),
                  bytes[1..<dash].allSatisfy({ isUppercase($0) || isDigit($0) }),
                  let serial = number(bytes, (dash + 1)..<bytes.count)
            else { return nil }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<dash]), as: UTF8.self), serial)
        }
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isUppercase(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
}
