import Foundation
import Synchronization

/// A source of random bytes, injectable so ids and salts are reproducible in tests.
///
/// `Entropy.system` draws from the operating system; `Entropy.seeded(_:)` is a
/// deterministic SplitMix64 stream for tests and for reproducible demo data.
public struct Entropy: Sendable {
    private let fill: @Sendable (inout [UInt8]) -> Void

    /// Wraps a function that overwrites every byte of the buffer it is given.
    public init(fill: @escaping @Sendable (inout [UInt8]) -> Void) {
        self.fill = fill
    }

    /// Returns `count` random bytes.
    public func bytes(_ count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        fill(&buffer)
        return buffer
    }

    /// Returns a random 64-bit value.
    public func next() -> UInt64 {
        bytes(8).reduce(0) { ($0 << 8) | UInt64($1) }
    }

    /// The operating system's cryptographically secure generator.
    public static let system = Entropy { buffer in
        var generator = SystemRandomNumberGenerator()
        for index in buffer.indices {
            buffer[index] = UInt8.random(in: .min ... .max, using: &generator)
        }
    }

    /// A deterministic stream: the same seed always yields the same bytes.
    public static func seeded(_ seed: UInt64) -> Entropy {
        let state = Mutex(SplitMix64(state: seed))
        return Entropy { buffer in
            state.withLock { generator in
                for index in buffer.indices {
                    buffer[index] = UInt8(truncatingIfNeeded: generator.next())
                }
            }
        }
    }
}

/// SplitMix64: a tiny, well-distributed deterministic generator (Steele et al., 2014).
///
/// Written here because the standard library offers no seedable generator.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) {
        self.state = state
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
