import ArgumentParser
import ClinicCore
import ClinicDemo
import ClinicStore
import Foundation
import PasswordHashing
#if canImport(Glibc)
import Glibc
#endif

/// `clinicdesk demo`: opens the front desk on a demo clinic, building it first if needed.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open ClinicDesk on a demo clinic, building it first when it does not exist.",
        discussion: """
            The demo clinic has 6 providers with weekly schedules, patients with names in five scripts, \
            this week's appointments in every state, and one login per role (admin, receptionist, doctor, \
            nurse; password "demo"). Without a terminal (or with --no-ui) it only builds and prints.
            """
    )

    @Option(help: "Build with this many patients (rebuilds an existing demo; default 5000 for a new one).")
    var patients: Int?

    @Option(help: "Seed for the generator: the same seed builds the same clinic.")
    var seed: UInt64 = 20_261_121

    @Flag(help: "Build a fresh demo clinic even if one exists.")
    var rebuild = false

    @Flag(name: .customLong("no-ui"), help: "Build (if needed) and print the logins, without opening the front desk.")
    var noUI = false

    @OptionGroup var database: DatabaseOption
    @OptionGroup var appearance: AppearanceOptions

    func validate() throws {
        if let patients, !(0...5_000_000).contains(patients) {
            throw ValidationError("--patients must be between 0 and 5000000.")
        }
    }

    func run() async throws {
        let path = database.resolved(default: "demo.sqlite")
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists || rebuild || patients != nil {
            try DemoDatabase.replaceIfDemo(at: path)
            let started = Date()
            let summary = try DemoClinic(options: .init(patients: patients ?? 5_000, seed: seed), hasher: Argon2idHasher())
                .build(at: path)
            print("Demo clinic “Riverside Family Clinic” at \(path)")
            print(String(format: "%d patients, %d providers, %d appointments this week; built in %.1f s (patients %.1f s)",
                         summary.patients, summary.providers, summary.appointments, Date().timeIntervalSince(started),
                         summary.patientSeconds))
            print("To try prescribing (sign in as doctor; F3, the MRN, p on the card):")
            for example in summary.prescribing {
                print("  \(example.mrn)  \(example.patient) (\(example.script)): \(example.tryThis)")
            }
        } else {
            guard try ClinicStore.open(at: path).isDemo() else {
                throw CommandFailure("\(path) holds a real clinic, not a demo; choose another --db.")
            }
            print("Demo clinic at \(path) (--rebuild starts afresh)")
        }
        print("Logins (password “\(DemoClinic.password)” for all): admin, receptionist, doctor, nurse")
        guard !noUI, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return }
        let config = try AppConfiguration.load(from: ClinicPaths.configDirectory().appendingPathComponent("config.toml"))
        try await TerminalSession.run(appearance.options(database: path, config: config))
    }
}

/// Refuses to touch anything but an earlier demo database.
enum DemoDatabase {
    static func replaceIfDemo(at path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let existing = try ClinicStore.open(at: path)
        guard try existing.isDemo() else {
            throw CommandFailure("\(path) holds a real clinic, not a demo; choose another --db.")
        }
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
