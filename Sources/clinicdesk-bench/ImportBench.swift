import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation

/// `clinicdesk-bench import`: a clinic moving to ClinicDesk. The demo clinic's patients are
/// exported to CSV and imported into a new clinic with the release `clinicdesk` binary, as a
/// person would run them (every row parsed and checked, duplicates looked for, one transaction);
/// the baseline is the store's bulk insert of the same rows, already checked, in this process.
struct ImportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "CSV export and import of a clinic's patients (goal: 100,000 rows imported in 30 s or less).")

    @Option(help: "Patients in the exported clinic.")
    var patients = 100_000

    @Option(help: "Seed of the demo clinic.")
    var seed: UInt64 = 20_261_121

    @Option(help: "Where demo databases are cached.")
    var folder = ".build/bench"

    func run() throws {
        let source = try BenchDatabase.scratchCopy(patients: patients, seed: seed, folder: folder, name: "import-source")
        defer { BenchDatabase.remove(source) }
        let work = "\(folder)/import-\(getpid())"
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let csv = "\(work)/patients.csv"

        let exported = try timed { try clinicdesk(["export", "patients", "--csv", csv, "--as", "admin", "--password-stdin", "--db", source],
                                                  input: "demo\n") }
        let target = "\(work)/new.sqlite"
        _ = try clinicdesk(["init", "--clinic", "New Clinic", "--admin", "ada", "--password-stdin", "--db", target], input: "password-12\n")
        let imported = try timed { try clinicdesk(["import", "patients", csv, "--as", "ada", "--password-stdin", "--db", target],
                                                  input: "password-12\n") }
        let count = try ClinicStore.open(at: target).patientCount()

        // Baseline: the same rows, already checked, through the store's bulk insert.
        var rows: [ImportedPatient] = []
        let columns = try PatientImportColumns(headers: ClinicStore.patientExportHeader, maps: [])
        let store = try ClinicStore.open(at: source)
        let today = store.today()
        let now = Date()
        _ = try store.exportPatients(registeredFrom: nil, to: nil) { cells in
            if case let .success(details) = columns.form(cells).parse(today: today) { rows.append(ImportedPatient(details: details, registeredAt: now)) }
        }
        let baselinePath = "\(work)/baseline.sqlite"
        let baseline = try ClinicStore.create(at: baselinePath, clinicName: "Baseline", timeZone: .gmt, deviceName: "bench")
        let bulk = try timed { _ = try baseline.importPatients(rows, by: .system("bench")) }

        print("import, \(patients.formatted()) patients (release clinicdesk, one process each):")
        print(String(format: "  export patients to CSV               %7.2f s  (%.0f rows/s)", exported, Double(patients) / exported))
        print(String(format: "  import patients from CSV             %7.2f s  (%.0f rows/s; %d imported; goal ≤ 30 s)",
                     imported, Double(count) / imported, count))
        print(String(format: "  baseline: bulk insert of the checked rows %6.2f s  → import / baseline %.1f×", bulk, imported / bulk))
    }

    private func timed(_ body: () throws -> Void) throws -> Double {
        let started = Date()
        try body()
        return Date().timeIntervalSince(started)
    }

    /// Runs the release `clinicdesk` next to this binary; fails with its error output.
    private func clinicdesk(_ arguments: [String], input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("clinicdesk")
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchFailure("clinicdesk \(arguments.prefix(2).joined(separator: " ")) failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}
