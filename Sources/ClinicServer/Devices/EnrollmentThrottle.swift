import ClinicCore
import Foundation

/// Counts wrong enrollment codes per connecting address, with the same rule as sign-in
/// lockout (``SignInLockout``): ten wrong in a row refuse that address for ten minutes, so a
/// code cannot be guessed by trying. Kept in memory: a restart forgets the counts, which
/// costs a guesser nothing they could not get by waiting, and keeps the database out of it.
actor EnrollmentThrottle {
    static let rule = SignInLockout(maxFailures: 10, lockMinutes: 10)

    private var failures: [String: (count: Int, until: Date?)] = [:]

    /// Until when `address` is refused, if it is now.
    func lockedUntil(_ address: String, now: Date) -> Date? {
        guard let until = failures[address]?.until else { return nil }
        if until > now { return until }
        failures[address] = nil
        return nil
    }

    /// Counts a wrong code; returns the end of the refusal when this one started it.
    func failed(_ address: String, now: Date) -> Date? {
        // A wrong code that was in flight when the lock began must not lift it.
        if let until = failures[address]?.until, until > now { return until }
        let next = Self.rule.afterFailure(failures[address]?.count ?? 0, at: now)
        failures[address] = (next.failures, next.lockedUntil)
        if failures.count > 100_000 { failures = failures.filter { $0.value.until != nil } }  // a flood of addresses stays bounded
        return next.lockedUntil
    }

    func succeeded(_ address: String) {
        failures[address] = nil
    }
}
