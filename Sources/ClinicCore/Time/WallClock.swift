public import Foundation
import Synchronization

/// The time of day as the machine reports it, injectable for tests.
///
/// Wall time can jump backwards (NTP corrections, a receptionist fixing the clock);
/// code that needs order uses ``HybridLogicalClock`` on top of it.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    /// The current instant.
    public func now() -> Date { read() }

    /// Milliseconds since the Unix epoch, clamped at zero.
    public func millisecondsSinceEpoch() -> UInt64 {
        let value = now().timeIntervalSince1970 * 1000
        return value <= 0 ? 0 : UInt64(value.rounded(.down))
    }

    /// The system clock.
    public static let system = WallClock { Date() }

    /// A clock frozen at one instant.
    public static func fixed(_ date: Date) -> WallClock {
        WallClock { date }
    }
}

/// A clock that tests move by hand, forwards or backwards.
public final class ManualClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date) {
        current = Mutex(start)
    }

    /// The wall clock view of this manual clock.
    public var wallClock: WallClock {
        WallClock { [self] in current.withLock { $0 } }
    }

    /// Moves the clock by `seconds` (negative moves it back).
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sets the clock to `date`.
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
