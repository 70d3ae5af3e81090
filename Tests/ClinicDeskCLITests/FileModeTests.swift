import ClinicCore
import ClinicStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The clinic's files are the owner's only (`0600`, folders `0700`), or a group's with
/// `clinicdesk init --group` (`0660`, `2770`); a database every account can read is warned about.
@Suite("Private files", .serialized)
struct FileModeTests {
    /// The mode bits (with setuid/setgid/sticky) and group of `path`, as `stat` reports them.
    static func mode(_ path: String) -> (mode: UInt32, group: UInt32)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt32(info.st_mode & 0o7777), UInt32(info.st_gid))
    }

    @Test func aNewDatabaseItsWALAndItsFolderAreTheOwnersOnly() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let result = try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin"], input: "password-1\n")
        #expect(result.status == 0, "\(result.error)")
        let db = runner.path("data/clinicdesk/clinic.sqlite")
        // A write leaves the WAL and shared-memory files beside it while another connection holds it open.
        let store = try ClinicStore.open(at: db)
        _ = try store.registerPatient(PatientDetails(familyName: "Okafor", givenName: "Ada"), by: .system("test"))
        #expect(Self.mode(db)?.mode == 0o600)
        #expect(Self.mode(db + "-wal")?.mode == 0o600)
        #expect(Self.mode(db + "-shm")?.mode == 0o600)
        #expect(Self.mode(runner.path("data/clinicdesk"))?.mode == 0o700)
        #expect(Self.mode(runner.path("data"))?.mode == 0o700, "every folder init made")
        let listed = try runner.run(["user", "list", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(listed.error.isEmpty, "no warning for a private database: \(listed.error)")
    }

    @Test func aGroupSharedDatabaseIsTheGroupsAndNewFilesKeepIt() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let group = try #require(getgrgid(getegid()))
        let name = String(cString: group.pointee.gr_name)
        let db = runner.path("shared/clinic/clinic.sqlite")
        let result = try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin", "--group", name, "--db", db],
                                    input: "password-1\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Shared with the group \(name)"))
        let store = try ClinicStore.open(at: db)
        _ = try store.registerPatient(PatientDetails(familyName: "Okafor", givenName: "Ada"), by: .system("test"))
        #expect(Self.mode(db)?.mode == 0o660)
        #expect(Self.mode(db)?.group == UInt32(getegid()))
        #expect(Self.mode(db + "-wal")?.mode == 0o660)
        #expect(Self.mode(runner.path("shared/clinic"))?.mode == 0o2770)
        #expect(Self.mode(runner.path("shared"))?.mode == 0o2770)

        let unknown = try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin", "--group", "no-such-group-x",
                                      "--db", runner.path("other.sqlite")], input: "password-1\n")
        #expect(unknown.status != 0)
        #expect(unknown.error == "Error: There is no group “no-such-group-x” on this computer; create it with groupadd and add the terminals' accounts.\n")
        #expect(!FileManager.default.fileExists(atPath: runner.path("other.sqlite")))
    }

    @Test func aDatabaseEveryAccountCanReadIsWarnedAboutWithTheFix() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("clinic.sqlite")
        try runner.run(["init", "--clinic", "C", "--admin", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        chmod(db, 0o644)
        let listed = try runner.run(["user", "list", "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(listed.status == 0)
        #expect(listed.error.hasPrefix("Warning: \(db) can be read by every account on this computer (mode 644)"), "\(listed.error)")
        #expect(listed.error.contains("Fix it with: chmod 600 \(db)*"))
    }

    @Test func aPrintedSlipIsTheOwnersOnly() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "20", "--no-ui", "--db", db])
        #expect(Self.mode(db)?.mode == 0o600, "the demo database too")
        let store = try ClinicStore.open(at: db)
        let doctor = Author(user: try #require(try store.users().first { $0.username == "doctor" }))
        let patient = try store.registerPatient(PatientDetails(familyName: "Okafor", givenName: "Ada"), by: .system("test"))
        try store.recordNoKnownAllergies(patient: patient.id, by: doctor)
        let prescription = try store.issuePrescription(patient: patient.id, lines: [
            PrescriptionLine(drug: "paracetamol", strength: "500 mg", form: "tablet", quantity: "20",
                             sig: "Take 1 tablet by mouth every 6 hours when needed for pain"),
        ], by: doctor)
        let printed = try runner.run(["rx", "print", prescription.verificationCode, "--as", "doctor", "--password-stdin", "--db", db],
                                     input: "demo\n")
        #expect(printed.status == 0, "\(printed.error)")
        let slip = runner.path("data/clinicdesk/slips/\(prescription.verificationCode).pdf")
        #expect(Self.mode(slip)?.mode == 0o600)
        #expect(Self.mode(runner.path("data/clinicdesk/slips"))?.mode == 0o700)
    }
}
