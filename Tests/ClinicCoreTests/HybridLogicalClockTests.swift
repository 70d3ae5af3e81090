import ClinicCore
import Foundation
import Testing

@Suite("Hybrid logical clock")
struct HybridLogicalClockTests {
    let device = UUID(uuidString: "0192f4a1-0000-7000-8000-000000000001")!
    let other = UUID(uuidString: "0192f4a1-0000-7000-8000-000000000002")!

    @Test func tickFollowsWallTimeAndCountsWithinOneMillisecond() {
        var clock = HybridLogicalClock(device: device)
        #expect(clock.tick(wallMillis: 1_000) == HLCTimestamp(millis: 1_000, counter: 0, device: device))
        #expect(clock.tick(wallMillis: 1_000) == HLCTimestamp(millis: 1_000, counter: 1, device: device))
        #expect(clock.tick(wallMillis: 1_005) == HLCTimestamp(millis: 1_005, counter: 0, device: device))
    }

    @Test func staysMonotonicWhenWallTimeGoesBackwards() {
        var clock = HybridLogicalClock(device: device)
        var previous = clock.tick(wallMillis: 50_000)
        for wall in [49_000, 10, 50_000, 49_999, 0, 50_001] as [UInt64] {
            let next = clock.tick(wallMillis: wall)
            #expect(next > previous, "wall \(wall) gave \(next), not after \(previous)")
            previous = next
        }
        #expect(previous.millis == 50_001)
    }

    @Test func receiveMovesToTheMaximumOfLocalAndRemote() throws {
        var clock = HybridLogicalClock(device: device)
        _ = clock.tick(wallMillis: 1_000)
        let remote = HLCTimestamp(millis: 5_000, counter: 7, device: other)
        let stamp = try clock.receive(remote, wallMillis: 1_001)
        #expect(stamp == HLCTimestamp(millis: 5_000, counter: 8, device: device))
        #expect(stamp > remote)
        // A later local event still follows the remote one although the wall clock is behind.
        #expect(clock.tick(wallMillis: 1_002) == HLCTimestamp(millis: 5_000, counter: 9, device: device))
    }

    @Test func receiveOfAnOlderStampStillAdvances() throws {
        var clock = HybridLogicalClock(device: device, millis: 9_000, counter: 3)
        let stamp = try clock.receive(HLCTimestamp(millis: 100, counter: 50, device: other), wallMillis: 8_000)
        #expect(stamp == HLCTimestamp(millis: 9_000, counter: 4, device: device))
    }

    @Test func receiveWithEqualMillisTakesTheLargerCounter() throws {
        var clock = HybridLogicalClock(device: device, millis: 9_000, counter: 3)
        let stamp = try clock.receive(HLCTimestamp(millis: 9_000, counter: 40, device: other), wallMillis: 8_000)
        #expect(stamp == HLCTimestamp(millis: 9_000, counter: 41, device: device))
    }

    @Test func counterOverflowBorrowsTheNextMillisecond() {
        var clock = HybridLogicalClock(device: device, millis: 7, counter: .max)
        #expect(clock.tick(wallMillis: 7) == HLCTimestamp(millis: 8, counter: 0, device: device))
    }

    @Test func refusesARemoteClockTooFarAhead() {
        var clock = HybridLogicalClock(device: device, millis: 1_000, counter: 0)
        let ahead = HLCTimestamp(millis: 1_000 + 2 * 3_600_000, counter: 0, device: other)
        #expect(throws: HLCError.self) { try clock.receive(ahead, wallMillis: 1_000, maxDriftMillis: 300_000) }
        #expect(clock.last == HLCTimestamp(millis: 1_000, counter: 0, device: device), "a refused stamp leaves the clock alone")
        #expect(HLCError.remoteAhead(remote: ahead, byMillis: 7_200_000, limitMillis: 300_000).description.contains("7200 s ahead"))
    }

    @Test func textFormRoundTripsAndSortsLikeTheTimestamps() {
        let stamps = [
            HLCTimestamp(millis: 2, counter: 0, device: device),
            HLCTimestamp(millis: 1, counter: 65_535, device: other),
            HLCTimestamp(millis: 1, counter: 2, device: other),
            HLCTimestamp(millis: 1, counter: 2, device: device),
            HLCTimestamp(millis: 0xFFFF_FFFF_FFFF, counter: 0, device: device),
        ]
        for stamp in stamps {
            #expect(HLCTimestamp(stamp.description) == stamp)
        }
        #expect(stamps.sorted().map(\.description) == stamps.map(\.description).sorted())
        #expect(HLCTimestamp("not-a-stamp") == nil)
        #expect(HLCTimestamp("00000000000g-0000-\(device.lowercased)") == nil)
    }
}

@Suite("UUIDv7")
struct UUIDv7Tests {
    @Test func carriesVersionVariantAndTimestamp() {
        let generator = UUIDv7Generator(clock: .fixed(Date(timeIntervalSince1970: 1_763_600_000.123)), entropy: .seeded(1))
        let id = generator.next()
        let text = id.lowercased
        #expect(Array(text)[14] == "7")
        #expect(["8", "9", "a", "b"].contains(Array(text)[19]))
        #expect(id.version7Milliseconds == 1_763_600_000_123)
    }

    @Test func seededEntropyIsReproducibleAndDistinct() {
        let clock = WallClock.fixed(Date(timeIntervalSince1970: 1_000))
        let first = UUIDv7Generator(clock: clock, entropy: .seeded(42))
        let second = UUIDv7Generator(clock: clock, entropy: .seeded(42))
        let a = (0..<100).map { _ in first.next() }
        let b = (0..<100).map { _ in second.next() }
        #expect(a == b)
        #expect(Set(a).count == 100)
    }

    @Test func idsSortByCreationTime() {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_000))
        let generator = UUIDv7Generator(clock: clock.wallClock, entropy: .system)
        var ids: [String] = []
        for _ in 0..<20 {
            ids.append(generator.next().lowercased)
            clock.advance(by: 0.002)
        }
        #expect(ids == ids.sorted())
    }
}
