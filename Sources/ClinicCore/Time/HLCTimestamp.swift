public import Foundation

/// One reading of a hybrid logical clock: 48-bit wall milliseconds, a 16-bit counter
/// for events within one millisecond, and the device id that breaks remaining ties.
///
/// Timestamps from different devices are totally ordered; the text form
/// (`0192f4a1b2c3-0001-<device uuid>`) sorts the same way, so it can be compared in SQL.
public struct HLCTimestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The largest millisecond value that fits in 48 bits.
    public static let maxMillis: UInt64 = 0xFFFF_FFFF_FFFF

    public let millis: UInt64
    public let counter: UInt16
    public let device: UUID

    public init(millis: UInt64, counter: UInt16, device: UUID) {
        precondition(millis <= HLCTimestamp.maxMillis, "HLC milliseconds exceed 48 bits")
        self.millis = millis
        self.counter = counter
        self.device = device
    }

    public static func < (lhs: HLCTimestamp, rhs: HLCTimestamp) -> Bool {
        if lhs.millis != rhs.millis { return lhs.millis < rhs.millis }
        if lhs.counter != rhs.counter { return lhs.counter < rhs.counter }
        return lhs.device.lowercased < rhs.device.lowercased
    }

    /// Fixed-width text that sorts in timestamp order.
    public var description: String {
        HLCTimestamp.text(millis: millis, counter: counter, device: device.lowercased)
    }

    /// The text form from its parts, with the device id already as lowercase text
    /// (bulk writers format millions of stamps for one device).
    public static func text(millis: UInt64, counter: UInt16, device: String) -> String {
        let ms = String(millis, radix: 16)
        let count = String(counter, radix: 16)
        return String(repeating: "0", count: 12 - ms.count) + ms + "-"
            + String(repeating: "0", count: 4 - count.count) + count + "-" + device
    }

    /// Parses the text form; nil when it is malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 12, parts[1].count == 4,
              let millis = UInt64(parts[0], radix: 16), let counter = UInt16(parts[1], radix: 16),
              let device = UUID(canonical: String(parts[2]))
        else { return nil }
        self.init(millis: millis, counter: counter, device: device)
    }

    /// The wall-clock instant of the timestamp.
    public var date: Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = HLCTimestamp(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not an HLC timestamp")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
