public import Foundation

/// How many wrong passwords in a row lock a username, and for how long (configuration:
/// `lock_after_failures`, `lock_minutes`). The lock is per username typed, known or not, so that
/// locking does not tell which usernames exist either.
public struct SignInLockout: Hashable, Sendable {
    public var maxFailures: Int
    public var lockMinutes: Int

    public static let standard = SignInLockout(maxFailures: 5, lockMinutes: 15)

    public init(maxFailures: Int, lockMinutes: Int) {
        self.maxFailures = maxFailures
        self.lockMinutes = lockMinutes
    }

    /// After one more failure on top of `failures`: the failures to keep and, when this one
    /// reaches the limit, the end of the lock (the count then starts again).
    public func afterFailure(_ failures: Int, at now: Date) -> (failures: Int, lockedUntil: Date?) {
        let count = failures + 1
        guard count >= maxFailures else { return (count, nil) }
        return (0, now.addingTimeInterval(TimeInterval(lockMinutes * 60)))
    }
}

/// How a sign-in went.
public enum SignInAnswer: Hashable, Sendable {
    case signedIn(User)
    /// The password was right but temporary (an admin set it): the user chooses their own first.
    case mustChangePassword(User)
    /// Wrong username or password; `remaining` more wrong ones lock the username.
    case refused(remaining: Int)
    /// Too many wrong passwords: no password is checked until then.
    case locked(until: Date)
}
