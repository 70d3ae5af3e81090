import ClinicCore
import Foundation
import Testing

@testable import ClinicStore

/// Roles, disabling and passwords, as an admin and as the user themselves.
@Suite("Staff administration")
struct UserAdminTests {
    func signIn(_ fixture: StoreFixture, _ username: String, hash: String = "x") throws -> SignInAnswer {
        try fixture.store.signIn(username: username, decoy: "decoy") { $0 == hash }
    }

    @Test func aTemporaryPasswordSignsInOnlyToChooseANewOne() throws {
        let fixture = try StoreFixture()
        let rita = try #require(fixture.receptionist.userID)
        _ = try fixture.store.resetPassword(of: rita, temporaryHash: "temp-hash", by: fixture.admin)
        guard case let .mustChangePassword(user) = try signIn(fixture, "rita", hash: "temp-hash") else {
            Issue.record("a temporary password must be changed first")
            return
        }
        #expect(user.username == "rita")
        #expect(try signIn(fixture, "rita") == .refused(remaining: 4), "the old password no longer works")
        _ = try fixture.store.changePassword(of: rita, newHash: "own-hash", by: Author(user: user))
        #expect(try signIn(fixture, "rita", hash: "own-hash") == .signedIn(user))
        let actions = try fixture.store.auditEvents(limit: 5).map(\.action)
        #expect(actions.contains("user.password-reset") && actions.contains("user.password-change"))
    }

    @Test func onlyAnAdminResetsSomeoneElsesPassword() throws {
        let fixture = try StoreFixture()
        #expect(throws: StoreError.notPermitted(role: .doctor, permission: .manageUsers)) {
            _ = try fixture.store.resetPassword(of: fixture.receptionist.userID!, temporaryHash: "t", by: fixture.doctor)
        }
        #expect(throws: StoreError.notPermitted(role: .doctor, permission: .manageUsers)) {
            _ = try fixture.store.changePassword(of: fixture.receptionist.userID!, newHash: "t", by: fixture.doctor)
        }
    }

    @Test func aDisabledUserCannotSignInAndTheirSessionsEnd() throws {
        let fixture = try StoreFixture()
        let rita = try #require(try fixture.store.users().first { $0.username == "rita" })
        let session = try fixture.store.startSession(user: rita, terminal: "/dev/pts/1", processID: 1)
        _ = try fixture.store.setActive(rita.id, false, by: fixture.admin)
        #expect(try signIn(fixture, "rita") == .refused(remaining: 4))
        #expect(try fixture.store.endedSessions(among: [session]) == [session])
        #expect(try fixture.store.users().first { $0.username == "rita" }?.isActive == false, "kept, not deleted")
        _ = try fixture.store.setActive(rita.id, true, by: fixture.admin)
        #expect(try signIn(fixture, "rita") != .refused(remaining: 3))
    }

    @Test func aNewRoleOrATemporaryPasswordSignsTheUserOutEverywhere() throws {
        let fixture = try StoreFixture()
        let rita = try #require(try fixture.store.users().first { $0.username == "rita" })
        let first = try fixture.store.startSession(user: rita, terminal: "/dev/pts/1", processID: 1)
        _ = try fixture.store.changeRole(of: rita.id, to: .nurse, by: fixture.admin)
        #expect(try fixture.store.session(first)?.endReason == "role changed by ada", "the terminal held the old role")
        let second = try fixture.store.startSession(user: rita, terminal: "/dev/pts/1", processID: 1)
        _ = try fixture.store.resetPassword(of: rita.id, temporaryHash: "t", by: fixture.admin)
        #expect(try fixture.store.endedSessions(among: [second]) == [second])
    }

    @Test func theLastActiveAdminKeepsTheirRoleAndCannotBeDisabled() throws {
        let fixture = try StoreFixture()
        let ada = try #require(fixture.admin.userID)
        let problem = "ada is the only active admin; make another admin first."
        #expect(throws: StoreError.invalid(ValidationFailure([FieldProblem(field: "role", message: problem)]))) {
            _ = try fixture.store.changeRole(of: ada, to: .doctor, by: fixture.admin)
        }
        #expect(throws: StoreError.invalid(ValidationFailure([FieldProblem(field: "role", message: problem)]))) {
            _ = try fixture.store.setActive(ada, false, by: fixture.admin)
        }
        let rita = try fixture.store.changeRole(of: fixture.receptionist.userID!, to: .admin, by: fixture.admin)
        #expect(rita.role == .admin)
        #expect(try fixture.store.changeRole(of: ada, to: .doctor, by: fixture.admin).role == .doctor)
    }
}
