import ClinicCore
import ClinicStore
import Foundation
import Testing

/// `clinicdesk import patients` and `clinicdesk export` as a clinic moving to ClinicDesk uses
/// them: a clean file, bad rows with and without --skip-bad, duplicates within the file and
/// against the clinic, a Latin-1 file, a BOM, and an export that imports again as it is.
@Suite("clinicdesk import and export", .serialized)
struct ImportCommandTests {
    /// A new clinic with its admin ada (password-1) and a receptionist rosa.
    func clinic(_ runner: CommandRunner) throws -> String {
        let db = runner.path("clinic.sqlite")
        try runner.run(["init", "--clinic", "Hillview Clinic", "--admin", "ada", "--mrn-prefix", "hv", "--password-stdin", "--db", db],
                       input: "password-1\n")
        try runner.run(["user", "add", "rosa", "--role", "receptionist", "--as", "ada", "--password-stdin", "--db", db],
                       input: "password-1\nrosa-password\n")
        return db
    }

    func write(_ runner: CommandRunner, _ name: String, _ text: String, bom: Bool = false) throws -> String {
        let path = runner.path(name)
        try ((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)).write(to: URL(fileURLWithPath: path))
        return path
    }

    func importing(_ runner: CommandRunner, _ db: String, _ arguments: [String]) throws -> CommandRunner.Result {
        try runner.run(["import", "patients"] + arguments + ["--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
    }

    static let clean = """
        Surname,First name,DOB,Gender,Mobile,City,Notes
        Okafor,Ada,02/05/1980,F,0612 345 678,Lagos,first visit 2019
        García,José,14/07/1990,M,,Sevilla,
        "O'Neill, Jr",Seán,,M,,Cork,"moved
        from Dublin"
        王,小明,09/03/2015,,13800 138000,Beijing,
        """

    @Test func aCleanFileWithABOMImportsEveryRowWithItsChangesAndOneAuditEvent() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = try clinic(runner)
        let before = try ClinicStore.open(at: db).pendingChangeCount()
        let file = try write(runner, "patients.csv", Self.clean, bom: true)
        let result = try importing(runner, db, [file])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Not imported (no field): “Notes”."), "\(result.output)")
        #expect(result.output.hasSuffix("Imported 4 patients from patients.csv.\n"), "\(result.output)")
        let store = try ClinicStore.open(at: db)
        let neill = try #require(try store.searchPatients(text: "O'Neill").first)
        #expect(neill.displayName == "O'Neill, Jr, Seán", "a quoted comma and a line break inside a cell are read as CSV")
        #expect(try store.patient(try #require(store.searchPatients(text: "Okafor").first).id)?.details.birthDate?.date.description
            == "1980-05-02", "day-month-year, as the form reads it")
        #expect(try store.searchPatients(text: "王").count == 1)
        #expect(try store.pendingChangeCount() > before + 3, "each patient is queued for sync")
        let audit = try #require(try store.auditEvents(limit: 5).first { $0.action == "patient.import" })
        #expect(audit.summary.hasPrefix("Imported 4 patients from patients.csv (MRN HV-"), "\(audit.summary)")
    }

    static let withBadRows = """
        family_name,given_name,birth_date,sex,phone
        Okafor,Ada,1980-05-02,F,0612 345 678
        Smith,,1975-01-30,M,
        Jones,Mary,31/02/1990,F,
        Patel,Ravi,1988-11-02,Q,call me
        Brown,Tom,1999-09-09,M,
        """

    @Test func aFileWithBadRowsImportsNothingUnlessToldAndThenWritesTheRejects() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = try clinic(runner)
        let file = try write(runner, "list.csv", Self.withBadRows)
        let refused = try importing(runner, db, [file])
        #expect(refused.status != 0)
        #expect(refused.output.contains("line 3: column “given_name”:"), "\(refused.output)")
        #expect(refused.output.contains("line 4: column “birth_date”: Date of birth “31/02/1990” is not a date"), "\(refused.output)")
        #expect(refused.output.contains("line 5: column “sex”: Sex “Q”") && refused.output.contains("column “phone”:"))
        #expect(refused.error.contains("3 of 5 rows are not valid, so nothing was imported."), "\(refused.error)")
        #expect(try ClinicStore.open(at: db).patientCount() == 0, "all or nothing")

        let dry = try importing(runner, db, [file, "--skip-bad", "--dry-run"])
        #expect(dry.output.contains("Dry run: 2 of 5 rows would be imported; 3 bad rows would be left out."), "\(dry.output)")
        #expect(try ClinicStore.open(at: db).patientCount() == 0)

        let skipped = try importing(runner, db, [file, "--skip-bad"])
        #expect(skipped.status == 0, "\(skipped.error)")
        #expect(skipped.output.contains("Imported 2 patients from list.csv."))
        #expect(try ClinicStore.open(at: db).patientCount() == 2)
        let rejects = try String(contentsOfFile: file + ".rejects.csv", encoding: .utf8)
        let lines = rejects.split(separator: "\n").map(String.init)
        #expect(lines.first == "line,problem,family_name,given_name,birth_date,sex,phone")
        #expect(lines.count == 4 && lines[2].hasPrefix("4,") && lines[2].contains("31/02/1990"), "\(rejects)")
        let audit = try #require(try ClinicStore.open(at: db).auditEvents(limit: 5).first { $0.action == "patient.import" })
        #expect(audit.summary.contains("from list.csv; 3 bad rows left out"), "\(audit.summary)")
    }

    @Test func duplicatesWithinTheFileAndAgainstTheClinicAreListedWithTheirScore() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = try clinic(runner)
        _ = try ClinicStore.open(at: db).registerPatient(
            PatientDetails(familyName: "Mensah", givenName: "Kofi", birthDate: BirthDate(date: CalendarDate(iso: "1975-01-30")!)),
            by: .system("test"))
        let file = try write(runner, "dups.csv", """
            family_name,given_name,birth_date,phone
            Okafor,Ada,1980-05-02,0612 345 678
            Mensah,Kofi,1975-01-30,
            Okafor,Adaeze,1980-05-02,0612 345 678
            """)
        let result = try importing(runner, db, [file])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("line 3: likely the same as Mensah, Kofi HV-000001 (score "), "\(result.output)")
        #expect(result.output.contains("line 4: likely the same as Okafor, Ada on line 2 (score "), "\(result.output)")
        #expect(result.output.contains("2 likely duplicates (imported all the same; merge them after checking)"))
        let report = try String(contentsOfFile: file + ".duplicates.csv", encoding: .utf8)
        #expect(report.hasPrefix("line,score,likely the same as,why\n3,"), "\(report)")
        #expect(try ClinicStore.open(at: db).patientCount() == 4, "duplicates are imported and shown, not dropped")
    }

    @Test func aLatin1FileIsNamedAndImportedOnlyWhenTheEncodingIsGiven() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = try clinic(runner)
        let path = runner.path("latin1.csv")
        try #require("family_name,given_name\nNúñez,José\nMüller,Jürgen\n".data(using: .isoLatin1)).write(to: URL(fileURLWithPath: path))
        let refused = try importing(runner, db, [path])
        #expect(refused.status != 0)
        #expect(refused.error.contains("The file is not UTF-8: line 2 has the byte 0xFA, which looks like Latin-1"), "\(refused.error)")
        #expect(refused.error.contains("--encoding latin-1"))
        #expect(try ClinicStore.open(at: db).patientCount() == 0)
        let accepted = try importing(runner, db, [path, "--encoding", "latin-1"])
        #expect(accepted.status == 0, "\(accepted.error)")
        let store = try ClinicStore.open(at: db)
        #expect(try store.searchPatients(text: "Jürgen").first?.displayName == "Müller, Jürgen", "no mojibake")
    }

    @Test func aReceptionistMayNotImportOrExport() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = try clinic(runner)
        let file = try write(runner, "p.csv", Self.clean)
        for arguments in [["import", "patients", file], ["export", "patients", "--csv", runner.path("out.csv")]] {
            let result = try runner.run(arguments + ["--as", "rosa", "--password-stdin", "--db", db], input: "rosa-password\n")
            #expect(result.error == "Error: A receptionist may not export or import patient records in bulk.\n", "\(result.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: runner.path("out.csv")))
    }

    @Test func anExportImportsAgainAsItIsAndIsAudited() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = try clinic(runner)
        #expect(try importing(runner, db, [try write(runner, "p.csv", Self.clean)]).status == 0)
        let out = runner.path("export.csv")
        let exported = try runner.run(["export", "patients", "--csv", out, "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(exported.output == "Exported 4 patients to \(out).\n", "\(exported.output)\(exported.error)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.hasPrefix(ClinicStore.patientExportHeader.joined(separator: ",") + "\n"))
        #expect(text.contains("\"O'Neill, Jr\",Seán"), "\(text)")
        let again = try runner.run(["export", "patients", "--csv", out, "--as", "ada", "--password-stdin", "--db", db], input: "password-1\n")
        #expect(again.error.contains("exists already"), "never overwritten")
        #expect(try ClinicStore.open(at: db).auditEvents(limit: 3).contains { $0.action == "records.export" && $0.summary.contains(out) })

        let second = runner.path("second.sqlite")
        try runner.run(["init", "--clinic", "Second", "--admin", "ada", "--password-stdin", "--db", second], input: "password-1\n")
        let reimported = try importing(runner, second, [out])
        #expect(reimported.status == 0, "\(reimported.error)")
        #expect(reimported.output.contains("Not imported (no field): “mrn”, “birth_date_estimated”, “allergy_status”, “registered_at”."),
                "\(reimported.output)")
        let copy = try ClinicStore.open(at: second)
        #expect(try copy.patientCount() == 4)
        for name in ["Okafor, Ada", "García, José", "O'Neill, Jr, Seán", "王, 小明"] {
            #expect(try copy.searchPatients(text: name.components(separatedBy: ",")[0]).first?.displayName == name, "\(name) came across")
        }
        let okafor = try #require(try copy.searchPatients(text: "Okafor").first)
        #expect(try copy.patient(okafor.id)?.details.phone?.normalized == "0612345678", "with the phone")
    }

    @Test func appointmentsExportWithTheirDayTimeProviderAndStatus() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let db = runner.path("demo.sqlite")
        try runner.run(["demo", "--patients", "100", "--no-ui", "--db", db])
        let out = runner.path("appointments.csv")
        let result = try runner.run(["export", "appointments", "--csv", out, "--as", "admin", "--password-stdin", "--db", db], input: "demo\n")
        #expect(result.status == 0, "\(result.error)")
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(rows.first == "date,time,minutes,provider,patient_mrn,patient_name,kind,mode,status,reason,cancel_reason")
        #expect(rows.count > 10, "the demo week's appointments")
        #expect(rows.dropFirst().allSatisfy { $0.contains(",RFC-") }, "each names its patient's MRN")
        let bad = try runner.run(["export", "appointments", "--from", "2026-13-01", "--csv", runner.path("x.csv"), "--as", "admin",
                                  "--password-stdin", "--db", db], input: "demo\n")
        #expect(bad.error == "Error: --from “2026-13-01” is not a date; write YYYY-MM-DD.\n")
    }
}
