import ArgumentParser
import ClinicCore
import ClinicDemo
import ClinicStore
import Foundation
import PasswordHashing

/// `clinicdesk demo`: builds a realistic demo clinic anyone can log into.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo clinic with providers, patients and this week's appointments."
    )

    @Option(help: "How many patients to generate.")
    var patients = 5_000

    @Option(help: "Seed for the generator: the same seed builds the same clinic.")
    var seed: UInt64 = 20_261_121

    @OptionGroup var database: DatabaseOption

    func validate() throws {
        guard (0...5_000_000).contains(patients) else {
            throw ValidationError("--patients must be between 0 and 5000000.")
        }
    }

    func run() throws {
        let path = database.resolved(default: "demo.sqlite")
        try DemoDatabase.replaceIfDemo(at: path)
        let started = Date()
        let summary = try DemoClinic(options: .init(patients: patients, seed: seed), hasher: Argon2idHasher()).build(at: path)
        let seconds = Date().timeIntervalSince(started)
        print("Demo clinic “Riverside Family Clinic” at \(path)")
        print(String(format: "%d patients, %d providers, %d appointments this week; built in %.1f s (patients %.1f s)",
                     summary.patients, summary.providers, summary.appointments, seconds, summary.patientSeconds))
        print("Logins (password “\(DemoClinic.password)” for all): " + summary.logins.map { "\($0.username) (\($0.role))" }.joined(separator: ", "))
    }
}

/// Refuses to touch anything but an earlier demo database.
enum DemoDatabase {
    static func replaceIfDemo(at path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let existing = try ClinicStore.open(at: path)
        guard try existing.isDemo() else {
            throw CommandFailure("\(path) holds a real clinic, not a demo; refusing to replace it. Choose another --db.")
        }
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
