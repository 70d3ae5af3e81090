import Foundation
import Testing

@testable import ClinicServer

/// Ten wrong enrollment codes in a row from one address refuse it for ten minutes; a wrong code
/// still in flight when the lock began does not lift it; a right code clears the count.
@Suite("Enrollment throttle")
struct EnrollmentThrottleTests {
    let start = Date(timeIntervalSince1970: 1_795_168_800)

    @Test func tenWrongLockTheAddressAndALateWrongOneKeepsTheLock() async {
        let throttle = EnrollmentThrottle()
        for _ in 1...9 { #expect(await throttle.failed("10.0.0.7", now: start) == nil) }
        let until = start.addingTimeInterval(600)
        #expect(await throttle.failed("10.0.0.7", now: start) == until)
        #expect(await throttle.failed("10.0.0.7", now: start.addingTimeInterval(1)) == until, "in flight during the lock")
        #expect(await throttle.lockedUntil("10.0.0.7", now: start.addingTimeInterval(599)) == until)
        #expect(await throttle.lockedUntil("10.0.0.8", now: start) == nil, "per address")
        #expect(await throttle.lockedUntil("10.0.0.7", now: until) == nil, "over after ten minutes")
        #expect(await throttle.failed("10.0.0.7", now: until) == nil, "and counted afresh")
        await throttle.succeeded("10.0.0.7")
        for _ in 1...9 { #expect(await throttle.failed("10.0.0.7", now: until) == nil) }
    }
}
