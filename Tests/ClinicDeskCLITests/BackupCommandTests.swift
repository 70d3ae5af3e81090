import ClinicCore
import ClinicStore
import Foundation
import Synchronization
import Testing

/// `clinicdesk backup` and `clinicdesk restore` as the clinic's IT person runs them: a backup
/// while a terminal keeps checking patients in from another process, kept to the newest N and
/// restored; an encrypted backup with its passphrase, a wrong one, and a damaged file; and a
/// restore that will not replace a database in use, or without being told to.
@Suite("clinicdesk backup and restore", .serialized)
struct BackupCommandTests {
    func clinic(_ runner: CommandRunner, patients: Int = 0) throws -> (db: String, mrns: [String]) {
        let db = runner.path("clinic/demo.sqlite")
        try runner.run(["demo", "--patients", "200", "--no-ui", "--db", db])
        let store = try ClinicStore.open(at: db)
        let mrns = try (0..<patients).map { index in
            try store.registerPatient(PatientDetails(familyName: "Backup", givenName: "Walk-in \(index)"), by: .system("test")).mrn.description
        }
        return (db, mrns)
    }

    @Test func aBackupWhileAnotherProcessWritesIsWholeAndRestores() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let (db, mrns) = try clinic(runner, patients: 40)
        // Another process writes the whole time: the desk checking people in, one command each.
        let stop = Atomic(false)
        let checkedIn = Atomic(0)
        let writer = Thread {
            for mrn in mrns where !stop.load(ordering: .relaxed) {
                if (try? runner.run(["checkin", mrn, "--as", "receptionist", "--password-stdin", "--db", db], input: "demo\n"))?.status == 0 {
                    checkedIn.add(1, ordering: .relaxed)
                }
            }
        }
        writer.start()
        defer { stop.store(true, ordering: .relaxed) }
        let folder = runner.path("backups")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var outputs: [String] = []
        for _ in 0..<3 {
            let result = try runner.run(["backup", "--to", folder, "--keep", "2", "--db", db])
            #expect(result.status == 0, "\(result.error)")
            outputs.append(result.output)
            Thread.sleep(forTimeInterval: 1.1)  // backups are named to the second
        }
        stop.store(true, ordering: .relaxed)
        while writer.isExecuting { Thread.sleep(forTimeInterval: 0.05) }
        #expect(checkedIn.load(ordering: .relaxed) > 0, "the other process was writing")
        for output in outputs {
            #expect(output.contains("integrity ok") && output.hasSuffix("done\n"), "\(output)")
        }
        #expect(outputs.last?.contains("Removed 1 older backup (keeping the newest 2)") == true, "\(outputs)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(kept.count == 2 && kept.allSatisfy { $0.hasPrefix("demo-") && $0.hasSuffix(".sqlite") }, "\(kept)")

        let restored = runner.path("restored/clinic.sqlite")
        let result = try runner.run(["restore", "\(folder)/\(kept.last!)", "--db", restored])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Restored \(restored) from"), "\(result.output)")
        let store = try ClinicStore.open(at: restored)
        #expect(try store.integrityCheck() == ["ok"])
        let verify = try runner.run(["audit", "verify", "--db", restored])
        #expect(verify.status == 0, "the restored copy's audit chain is whole: \(verify.output)\(verify.error)")
        #expect(try store.auditEvents(limit: 1).first?.action == "database.restore")
    }

    @Test func anEncryptedBackupOpensWithItsPassphraseOnlyAndADamagedOneIsRefused() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let (db, _) = try clinic(runner)
        let passphrase = runner.path("passphrase")
        try "river stone lantern 42\n".write(toFile: passphrase, atomically: true, encoding: .utf8)
        let wrong = runner.path("wrong")
        try "river stone lantern 43\n".write(toFile: wrong, atomically: true, encoding: .utf8)
        let file = runner.path("nightly.sqlite.cdbk")
        let made = try runner.run(["backup", "--encrypt", "--passphrase-file", passphrase, "--to", file, "--db", db])
        #expect(made.status == 0, "\(made.error)")
        #expect(made.output.contains("integrity ok, encrypted"), "\(made.output)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(bytes.starts(with: Data("CDBACKUP".utf8)))
        #expect(bytes.range(of: Data("Riverside Family Clinic".utf8)) == nil, "nothing readable in the clear")

        let refused = try runner.run(["restore", file, "--db", runner.path("a.sqlite"), "--passphrase-file", wrong])
        #expect(refused.status != 0)
        #expect(refused.error.contains("The passphrase is wrong"), "\(refused.error)")
        #expect(!FileManager.default.fileExists(atPath: runner.path("a.sqlite")))

        let opened = try runner.run(["restore", file, "--db", runner.path("a.sqlite"), "--passphrase-file", passphrase])
        #expect(opened.status == 0, "\(opened.error)")
        #expect(try ClinicStore.open(at: runner.path("a.sqlite")).clinic().name == "Riverside Family Clinic")

        var damaged = bytes
        damaged[damaged.count / 2] ^= 0x04
        try damaged.write(to: URL(fileURLWithPath: file))
        let broken = try runner.run(["restore", file, "--db", runner.path("b.sqlite"), "--passphrase-file", passphrase])
        #expect(broken.status != 0)
        #expect(broken.error.contains("The backup is damaged"), "\(broken.error)")
        #expect(!FileManager.default.fileExists(atPath: runner.path("b.sqlite")), "nothing restored")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: runner.home.path).filter { $0.hasSuffix(".decrypting") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aRestoreReplacesOnlyWhenToldAndWhenNothingHasTheDatabaseOpen() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let (db, _) = try clinic(runner)
        let backup = runner.path("before.sqlite")
        #expect(try runner.run(["backup", "--to", backup, "--db", db]).status == 0)
        let later = try ClinicStore.open(at: db).registerPatient(PatientDetails(familyName: "After", givenName: "Backup"), by: .system("test"))

        let unasked = try runner.run(["restore", backup, "--db", db])
        #expect(unasked.error.contains("add --replace"), "\(unasked.error)")

        // A terminal (here the sqlite3 shell) has it open.
        let (holder, input) = try Self.holdOpen(db, running: "SELECT count(*) FROM patient;")
        let busy = try runner.run(["restore", backup, "--db", db, "--replace"])
        #expect(busy.status != 0)
        #expect(busy.error.contains("is open in process \(holder.processIdentifier)"), "\(busy.error)")
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()

        let replaced = try runner.run(["restore", backup, "--db", db, "--replace"])
        #expect(replaced.status == 0, "\(replaced.error)")
        let keptLine = try #require(replaced.output.split(separator: "\n").first { $0.hasPrefix("The database that was there is kept at ") })
        let kept = String(keptLine.dropFirst("The database that was there is kept at ".count).dropLast())
        #expect(try ClinicStore.open(at: kept).patient(later.id) != nil, "the replaced database is kept whole")
        let restored = try ClinicStore.open(at: db)
        #expect(try restored.patient(later.id) == nil, "the restored one is the backup")
        let next = try restored.registerPatient(PatientDetails(familyName: "Next", givenName: "One"), by: .system("test"))
        #expect(next.mrn.serial > later.mrn.serial + 9_000, "new MRNs skip past any given out after the backup: \(next.mrn)")
    }

    @Test func aRestoreRefusesAnotherDevicesDatabaseAndALiveDatabaseAsItsSource() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let (db, _) = try clinic(runner)
        let other = runner.path("other.sqlite")
        try runner.run(["init", "--clinic", "Other Clinic", "--admin", "ada", "--password-stdin", "--db", other], input: "password-1\n")
        let backup = runner.path("demo-backup.sqlite")
        #expect(try runner.run(["backup", "--to", backup, "--db", db]).status == 0)
        let foreign = try runner.run(["restore", backup, "--db", other, "--replace"])
        #expect(foreign.status != 0)
        #expect(foreign.error.contains("would make this terminal a second copy of that other device"), "\(foreign.error)")
        #expect(try ClinicStore.open(at: other).clinic().name == "Other Clinic", "nothing was changed")

        // The live database itself (its WAL beside it, open in another process) is not a backup.
        let (holder, input) = try Self.holdOpen(db, running: "BEGIN; UPDATE clinic SET name = name; COMMIT;")
        if (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int).map({ $0 > 0 }) == true {
            let live = try runner.run(["restore", db, "--db", runner.path("copy.sqlite")])
            #expect(live.error.contains("it is a live database, not a backup"), "\(live.error)")
        }
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
    }

    /// Another process with `db` open: the sqlite3 shell, after running `sql`, until its input is closed.
    static func holdOpen(_ db: String, running sql: String) throws -> (Process, Pipe) {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [db]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data((sql + "\n").utf8))
        Thread.sleep(forTimeInterval: 0.5)
        return (holder, input)
    }
}
