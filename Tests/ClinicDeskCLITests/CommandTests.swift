import ClinicCore
import ClinicStore
import Foundation
import PasswordHashing
import Testing

@Suite("clinicdesk commands", .serialized)
struct CommandTests {
    @Test func initCreatesAClinicWithAnAdminWhoseHashVerifies() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let result = try runner.run(["init", "--clinic", "Hillview Clinic", "--admin", "Ada", "--password-stdin",
                                     "--mrn-prefix", "hv"], input: "correct horse\n")
        #expect(result.status == 0, "\(result.error)")
        let path = runner.path("data/clinicdesk/clinic.sqlite")
        #expect(result.output == "Created clinic “Hillview Clinic” at \(path)\nAdmin user: ada\n")
        let store = try ClinicStore.open(at: path)
        let credentials = try #require(try store.credentials(username: "ada"))
        #expect(credentials.user.role == .admin)
        #expect(credentials.passwordHash.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(Argon2idHasher().verify("correct horse", against: credentials.passwordHash))
        #expect(!Argon2idHasher().verify("wrong horse", against: credentials.passwordHash))
        #expect(try store.auditEvents().map(\.action) == ["user.create", "clinic.create"])

        let again = try runner.run(["init", "--clinic", "X", "--admin", "bob", "--password-stdin"], input: "password1\n")
        #expect(again.status != 0)
        #expect(again.error == "Error: A database already exists at \(path); choose another path with --db.\n")
    }

    @Test func fiveWrongPasswordsLockAUsernameUntilAnAdminUnlocksIt() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("lock.sqlite")
        try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        try runner.run(["user", "add", "rosa", "--role", "receptionist", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\nrosa-password\n")
        let unlockAsRosa = ["user", "unlock", "rosa", "--as", "rosa", "--password-stdin", "--db", db]
        for _ in 1...2 { #expect(try runner.run(unlockAsRosa, input: "wrong-guess\n").error == "Error: Wrong username or password.\n") }
        #expect(try runner.run(unlockAsRosa, input: "wrong-guess\n").error
            == "Error: Wrong username or password. 2 more wrong and this username is locked for a while.\n")
        #expect(try runner.run(unlockAsRosa, input: "wrong-guess\n").error
            == "Error: Wrong username or password. 1 more wrong and this username is locked for a while.\n")
        let locked = try runner.run(unlockAsRosa, input: "wrong-guess\n")
        #expect(locked.error.hasPrefix("Error: Too many wrong passwords: this username is locked until "), "\(locked.error)")
        let rightButLocked = try runner.run(unlockAsRosa, input: "rosa-password\n")
        #expect(rightButLocked.error.hasPrefix("Error: Too many wrong passwords"), "the right password waits for the lock too")
        let byAdmin = try runner.run(["user", "unlock", "rosa", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(byAdmin.output == "Unlocked rosa: the next sign-in is checked at once.\n", "\(byAdmin.error)")
        let notLocked = try runner.run(unlockAsRosa, input: "rosa-password\n")
        #expect(notLocked.error == "Error: A receptionist may not manage users.\n", "signed in again, but not an admin")
    }

    @Test func usersAreAddedAndListed() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("c.sqlite")
        try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        let added = try runner.run(["user", "add", "rosa", "--role", "Receptionist", "--name", "Rosa Díaz", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\npassword-2\n")
        #expect(added.status == 0, "\(added.error)")
        #expect(added.output == "Added receptionist rosa\n")
        let list = try runner.run(["user", "list", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(list.output == """
            USERNAME  ROLE          NAME
            ada       admin         ada
            rosa      receptionist  Rosa Díaz

            """)
    }

    @Test func badInputGetsOneClearLineAndAFailingStatus() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("c.sqlite")
        let missing = try runner.run(["user", "list", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(missing.status != 0)
        #expect(missing.error == "Error: No clinic database at \(db). Create one with `clinicdesk init` or `clinicdesk demo`, or pass --db.\n")

        try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        let role = try runner.run(["user", "add", "sam", "--role", "surgeon", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\npassword-2\n")
        #expect(role.error == "Error: Unknown role “surgeon”; use one of: admin, receptionist, doctor, nurse.\n")
        let short = try runner.run(["user", "add", "sam", "--role", "nurse", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\nshort\n")
        #expect(short.error == "Error: The password must be at least 10 characters long; a short sentence is easy to remember.\n")
        let named = try runner.run(["user", "add", "samantha", "--role", "nurse", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\nSamantha1\n")
        #expect(named.error.contains("at least 10 characters"), "nine characters are still too short")
        let own = try runner.run(["user", "add", "samantha", "--role", "nurse", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\nSAMANTHA12\n")
        #expect(own.error == "Error: The password must not be the username (or the username with a few characters added).\n")
        let common = try runner.run(["user", "add", "sam", "--role", "nurse", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\nPassword123\n")
        #expect(common.error == "Error: That password is on the list of the most common ones, which are tried first; choose another.\n")
        #expect(try ClinicStore.open(at: db).users().map(\.username) == ["ada"], "no refused password added anyone")
        let taken = try runner.run(["user", "add", "ada", "--role", "nurse", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\npassword-3\n")
        #expect(taken.error == "Error: The username “ada” is already taken.\n")
        let noInput = try runner.run(["user", "add", "sam", "--role", "nurse", "--as", "ada", "--db", db])
        #expect(noInput.error == "Error: Standard input is not a terminal; pass the password with --password-stdin.\n")
        let garbage = runner.path("garbage.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: garbage))
        let notADatabase = try runner.run(["user", "list", "--as", "ada", "--password-stdin", "--db", garbage], input: "password-1\n")
        #expect(notADatabase.status != 0)
        #expect(notADatabase.error.hasPrefix("Error: \(garbage) is not a ClinicDesk database ("))
        #expect(notADatabase.error.split(separator: "\n").count == 1)
        let unwritable = try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin", "--db", "/proc/clinic.sqlite"],
                                        input: "password-1\n")
        #expect(unwritable.status != 0)
        #expect(unwritable.error.hasPrefix("Error: Cannot open /proc/clinic.sqlite"))
        #expect(try ClinicStore.open(at: db).users().map(\.username) == ["ada"], "failed commands added nobody")
    }

    @Test func demoBuildsALoginableClinicAndNeverReplacesARealOne() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let result = try runner.run(["demo", "--patients", "300", "--no-ui"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.last == "Logins (password “demo” for all): admin, receptionist, doctor, nurse")
        let store = try ClinicStore.open(at: runner.path("data/clinicdesk/demo.sqlite"))
        #expect(try store.users().map(\.username) == ["admin", "doctor", "nurse", "receptionist"])
        #expect(Argon2idHasher().verify("demo", against: try #require(try store.credentials(username: "doctor")).passwordHash))
        #expect(try store.providers().count == 6)
        #expect(try store.searchPatients(text: "#RFC-000300").count == 1)
        #expect(try store.searchPatients(text: "#RFC-000301").isEmpty)
        #expect(try store.integrityCheck() == ["ok"])

        let rebuilt = try runner.run(["demo", "--patients", "10"])
        #expect(rebuilt.status == 0, "a demo database may be rebuilt")

        let real = runner.path("real.sqlite")
        try runner.run(["init", "--clinic", "Real", "--admin", "ada", "--password-stdin", "--db", real], input: "password-1\n")
        let refused = try runner.run(["demo", "--db", real])
        #expect(refused.error == "Error: \(real) holds a real clinic, not a demo; choose another --db.\n")
        let rebuildRefused = try runner.run(["demo", "--rebuild", "--db", real])
        #expect(rebuildRefused.error == refused.error)
        #expect(try ClinicStore.open(at: real).clinic().name == "Real")
    }

    @Test func anotherProcessesCommitIsNoticedWithoutReadingTheData() async throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("c.sqlite")
        try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        let store = try ClinicStore.open(at: db)
        let changes = try store.externalChanges(every: .milliseconds(50))
        let noticed = Task { () -> Bool in
            for await _ in changes { return true }
            return false
        }
        let added = try runner.run(["user", "add", "rosa", "--role", "receptionist", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\npassword-2\n")
        #expect(added.status == 0)
        let timeout = Task {
            try await Task.sleep(for: .seconds(20))
            noticed.cancel()
        }
        #expect(await noticed.value, "the second process's commit was not noticed within 20 s")
        timeout.cancel()
        #expect(try store.users().map(\.username) == ["ada", "rosa"])
    }

    @Test func anAdminResetsAPasswordAndTheUserMustChooseTheirOwnBeforeAnythingElse() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("c.sqlite")
        try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        try runner.run(["user", "add", "rosa", "--role", "receptionist", "--as", "ada", "--password-stdin", "--db", db],
                       input: "password-1\nrosa-password\n")
        let reset = try runner.run(["user", "reset-password", "rosa", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(reset.status == 0, "\(reset.error)")
        let temporary = try #require(reset.output.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        #expect(temporary.count == 19 && temporary.split(separator: "-").count == 4, "\(reset.output)")
        let blocked = try runner.run(["appointments", "--as", "rosa", "--password-stdin", "--db", db], input: "\(temporary)\n")
        #expect(blocked.error.hasPrefix("Error: rosa's password is temporary (an admin set it): choose your own first"), "\(blocked.error)")
        let changed = try runner.run(["user", "password", "--as", "rosa", "--password-stdin", "--db", db], input: "\(temporary)\nrosa-new-password\n")
        #expect(changed.output == "Saved rosa's new password.\n", "\(changed.error)")
        let works = try runner.run(["appointments", "--as", "rosa", "--password-stdin", "--db", db], input: "rosa-new-password\n")
        #expect(works.status == 0, "\(works.error)")

        let role = try runner.run(["user", "role", "rosa", "nurse", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(role.output == "rosa is now a nurse.\n")
        let lastAdmin = try runner.run(["user", "disable", "ada", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(lastAdmin.error == "Error: ada is the only active admin; make another admin first.\n")
        let disabled = try runner.run(["user", "disable", "rosa", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(disabled.status == 0)
        let refused = try runner.run(["appointments", "--as", "rosa", "--password-stdin", "--db", db], input: "rosa-new-password\n")
        #expect(refused.error == "Error: Wrong username or password.\n")
        let list = try runner.run(["user", "list", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(list.output.contains("rosa      nurse         rosa (inactive)"), "\(list.output)")
    }
}
