public import Foundation

/// Generates RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds, then random bits.
///
/// Time-ordered ids keep B-tree inserts local and make ids roughly sortable by
/// creation; the random part (74 bits) makes collisions between devices negligible.
public struct UUIDv7Generator: Sendable {
    public let clock: WallClock
    public let entropy: Entropy

    public init(clock: WallClock = .system, entropy: Entropy = .system) {
        self.clock = clock
        self.entropy = entropy
    }

    /// A new id stamped with the clock's current millisecond.
    public func next() -> UUID {
        UUIDv7Generator.make(millis: clock.millisecondsSinceEpoch(), random: entropy.bytes(10))
    }

    /// Builds a version 7 UUID from a timestamp and 10 random bytes.
    public static func make(millis: UInt64, random: [UInt8]) -> UUID {
        precondition(random.count >= 10, "UUIDv7 needs 10 random bytes")
        let ms = millis & 0xFFFF_FFFF_FFFF
        return UUID(uuid: (
            UInt8(truncatingIfNeeded: ms >> 40), UInt8(truncatingIfNeeded: ms >> 32),
            UInt8(truncatingIfNeeded: ms >> 24), UInt8(truncatingIfNeeded: ms >> 16),
            UInt8(truncatingIfNeeded: ms >> 8), UInt8(truncatingIfNeeded: ms),
            0x70 | (random[0] & 0x0F), random[1],
            0x80 | (random[2] & 0x3F), random[3],
            random[4], random[5], random[6], random[7], random[8], random[9]
        ))
    }
}

extension UUID {
    /// The millisecond timestamp of a version 7 UUID, or nil for other versions.
    public var version7Milliseconds: UInt64? {
        let bytes = uuid
        guard bytes.6 >> 4 == 7 else { return nil }
        return [bytes.0, bytes.1, bytes.2, bytes.3, bytes.4, bytes.5].reduce(0) { ($0 << 8) | UInt64($1) }
    }

    /// The lowercase canonical text form used in the database and on the wire.
    public var lowercased: String { UUIDText.lowercase(self) }
}
