import ClinicCore
import Foundation
import Testing

@testable import ClinicStore

/// Five wrong passwords in a row lock a username for fifteen minutes, known or not; the lock is
/// audited, checks no password while it lasts, ends by itself or by an admin.
@Suite("Sign-in lockout")
struct SignInLockoutTests {
    /// Signs in as `username`, where the stored hash of every fixture user is "x" and the password
    /// typed is right exactly when `right`; returns the answer and the hashes the check was given.
    func attempt(_ fixture: StoreFixture, _ username: String = "rita", right: Bool) throws -> (SignInAnswer, [String]) {
        var checked: [String] = []
        let answer = try fixture.store.signIn(username: username, decoy: "decoy") { hash in
            checked.append(hash)
            return right && hash == "x"
        }
        return (answer, checked)
    }

    @Test func fiveWrongPasswordsLockForFifteenMinutesAndEvenTheRightOneWaits() throws {
        let fixture = try StoreFixture()
        for tries in 1...4 {
            #expect(try attempt(fixture, right: false).0 == .refused(remaining: 5 - tries))
        }
        let lockedAt = fixture.clock.wallClock.now()
        let until = lockedAt.addingTimeInterval(15 * 60)
        #expect(try attempt(fixture, right: false).0 == .locked(until: until))
        #expect(try fixture.store.signInLock(username: "RITA") == until)

        fixture.clock.advance(by: 14 * 60)
        let (whileLocked, checked) = try attempt(fixture, right: true)
        #expect(whileLocked == .locked(until: until))
        #expect(checked.isEmpty, "no password is checked while the username is locked")

        fixture.clock.advance(by: 60)
        guard case let .signedIn(user) = try attempt(fixture, right: true).0 else {
            Issue.record("the lock should have ended")
            return
        }
        #expect(user.username == "rita")
        #expect(try fixture.store.signInLock(username: "rita") == nil)
        let actions = try fixture.store.auditEvents(limit: 10).map(\.action)
        #expect(actions.prefix(6) == ["sign-in.refused-locked", "sign-in.locked", "sign-in.failed", "sign-in.failed",
                                      "sign-in.failed", "sign-in.failed"])
    }

    @Test func aSignInClearsTheCount() throws {
        let fixture = try StoreFixture()
        for _ in 1...4 { _ = try attempt(fixture, right: false) }
        guard case .signedIn = try attempt(fixture, right: true).0 else {
            Issue.record("four wrong passwords do not lock")
            return
        }
        for tries in 1...4 {
            #expect(try attempt(fixture, right: false).0 == .refused(remaining: 5 - tries), "counting starts again")
        }
    }

    @Test func anUnknownUsernameChecksTheDecoyOnceAndLocksTheSameWay() throws {
        let fixture = try StoreFixture()
        let (answer, checked) = try attempt(fixture, "nobody", right: true)
        #expect(answer == .refused(remaining: 4))
        #expect(checked == ["decoy"], "one full check, as long as a wrong password takes")
        for _ in 2...4 { _ = try attempt(fixture, "nobody", right: false) }
        guard case .locked = try attempt(fixture, "nobody", right: false).0 else {
            Issue.record("an unknown username locks like a known one, so the lock does not tell which exist")
            return
        }
    }

    @Test func anAdminUnlocksAndNobodyElseMay() throws {
        let fixture = try StoreFixture()
        for _ in 1...5 { _ = try attempt(fixture, right: false) }
        #expect(throws: StoreError.notPermitted(role: .receptionist, permission: .manageUsers)) {
            try fixture.store.unlockSignIn(username: "rita", by: fixture.receptionist)
        }
        try fixture.store.unlockSignIn(username: "Rita", by: fixture.admin)
        #expect(try fixture.store.signInLock(username: "rita") == nil)
        #expect(try fixture.store.auditEvents(limit: 1).first?.action == "sign-in.unlocked")
        guard case .signedIn = try attempt(fixture, right: true).0 else {
            Issue.record("unlocked, the right password signs in")
            return
        }
        #expect(throws: StoreError.self) { try fixture.store.unlockSignIn(username: "rita", by: fixture.admin) }
    }

    /// Other terminals reread only what shows users, for refusals, the lock and refusals while locked.
    @Test func aRefusalConcernsUsersOnlyEvenWhileLocked() async throws {
        let fixture = try StoreFixture()
        let watch = try ChangedDataTests.Watch(fixture.store)
        for attempt in 1...6 {
            _ = try self.attempt(fixture, right: false)
            let change = await watch.next()
            #expect(change?.touches([.users]) == true, "attempt \(attempt)")
            #expect(change?.touches([.visits, .patients, .appointments]) == false, "attempt \(attempt): \(String(describing: change))")
        }
    }

    @Test func theLockoutRuleCountsThenLocksAndStartsAgain() {
        let rule = SignInLockout(maxFailures: 3, lockMinutes: 10)
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(rule.afterFailure(0, at: now) == (1, nil))
        #expect(rule.afterFailure(1, at: now) == (2, nil))
        #expect(rule.afterFailure(2, at: now) == (0, now.addingTimeInterval(600)))
    }
}
