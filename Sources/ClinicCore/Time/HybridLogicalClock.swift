public import Foundation

/// A hybrid logical clock (Kulkarni et al., 2014) as a value: it never reads time
/// itself, it is told the wall time, so tests drive it exactly.
///
/// Guarantees: every timestamp it issues is greater than every timestamp it issued
/// or received before, even when the wall clock goes backwards; it stays within one
/// millisecond of `max(wall time, latest remote time)` except when more than 65,536
/// events share one millisecond, when it borrows the next millisecond.
public struct HybridLogicalClock: Sendable, Equatable {
    public let device: UUID
    public private(set) var millis: UInt64
    public private(set) var counter: UInt16

    /// A clock for `device` that has already issued `millis`/`counter` (zero for a new device).
    public init(device: UUID, millis: UInt64 = 0, counter: UInt16 = 0) {
        self.device = device
        self.millis = millis
        self.counter = counter
    }

    /// The last timestamp this clock issued or adopted.
    public var last: HLCTimestamp {
        HLCTimestamp(millis: millis, counter: counter, device: device)
    }

    /// Issues a timestamp for a local event (a write on this device).
    public mutating func tick(wallMillis: UInt64) -> HLCTimestamp {
        let wall = min(wallMillis, HLCTimestamp.maxMillis)
        if wall > millis {
            millis = wall
            counter = 0
        } else {
            advanceCounter()
        }
        return last
    }

    /// Merges a timestamp received from another device and issues the next local timestamp.
    ///
    /// - Parameter maxDriftMillis: when set, a remote timestamp further than this ahead of
    ///   `wallMillis` is refused, so one device with a wrong clock cannot drag every clock forward.
    public mutating func receive(
        _ remote: HLCTimestamp, wallMillis: UInt64, maxDriftMillis: UInt64? = nil
    ) throws(HLCError) -> HLCTimestamp {
        let wall = min(wallMillis, HLCTimestamp.maxMillis)
        if let maxDriftMillis, remote.millis > wall, remote.millis - wall > maxDriftMillis {
            throw HLCError.remoteAhead(remote: remote, byMillis: remote.millis - wall, limitMillis: maxDriftMillis)
        }
        let newMillis = max(millis, remote.millis, wall)
        if newMillis == millis && newMillis == remote.millis {
            counter = max(counter, remote.counter)
            advanceCounter()
        } else if newMillis == millis {
            advanceCounter()
        } else if newMillis == remote.millis {
            millis = newMillis
            counter = remote.counter
            advanceCounter()
        } else {
            millis = newMillis
            counter = 0
        }
        return last
    }

    /// Moves to the next logical instant, borrowing a millisecond when the counter is full.
    private mutating func advanceCounter() {
        if counter == UInt16.max {
            millis = min(millis + 1, HLCTimestamp.maxMillis)
            counter = 0
        } else {
            counter += 1
        }
    }
}

/// Why a remote timestamp was refused.
public enum HLCError: Error, Equatable, Sendable, CustomStringConvertible {
    case remoteAhead(remote: HLCTimestamp, byMillis: UInt64, limitMillis: UInt64)

    public var description: String {
        switch self {
        case let .remoteAhead(remote, by, limit):
            "Device \(remote.device.lowercased)'s clock is \(by / 1000) s ahead of this one "
                + "(at most \(limit / 1000) s allowed); check that device's date and time."
        }
    }
}
