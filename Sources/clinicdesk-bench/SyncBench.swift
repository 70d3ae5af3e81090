import ArgumentParser
import ClinicCore
import ClinicServer
import ClinicStore
import ClinicSync
import Foundation
import Hummingbird
import Logging
import PostgresNIO

/// `clinicdesk-bench sync`: push and pull throughput against a real server and PostgreSQL, with
/// PostgreSQL's own COPY of the same rows as the floor. Needs CLINICDESK_TEST_DATABASE_URL
/// (scripts/bench starts a throwaway PostgreSQL and sets it).
struct SyncBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync", abstract: "Sync throughput against a real server.")

    @Option(help: "Changes in the push measurement.")
    var pushChanges = 100_000

    @Option(help: "Rows in the initial-pull measurement.")
    var pullRows = 1_000_000

    @Option(help: "Folder for cached benchmark databases.")
    var folder = ".build/bench"

    func run() async throws {
        guard let text = ProcessInfo.processInfo.environment["CLINICDESK_TEST_DATABASE_URL"], let admin = try? DatabaseURL(parsing: text) else {
            throw BenchFailure("set CLINICDESK_TEST_DATABASE_URL (scripts/bench sync starts PostgreSQL and sets it)")
        }
        var logger = Logger(label: "clinicdesk-bench")
        logger.logLevel = .error
        let name = "clinicdesk_bench_\(UUID().uuidString.prefix(8).lowercased())"
        try await ServerDatabase.withRunning(admin, logger: logger) { try await $0.client.query("CREATE DATABASE \(unescaped: name)", logger: logger) }
        let database = admin.with(database: name)
        try await ServerDatabase.withRunning(database, logger: logger) { try await Migrator(database: $0).migrate() }
        let port = try await BenchServer.freePort()
        let app = ClinicServerApp.build(ServerConfiguration(database: database, port: port, logger: logger)) { _ in }
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        try await Task.sleep(for: .seconds(1))
        var components = URLComponents(string: text)
        components?.path = "/" + name
        let bench = SyncMeasurements(server: URL(string: "http://127.0.0.1:\(port)")!, database: database,
                                     databaseText: components?.string ?? text, logger: logger, folder: folder)
        print("sync, against clinicdesk-server and PostgreSQL on this machine:")
        try await bench.push(changes: pushChanges)
        try await bench.initialPull(rows: pullRows)
        try await bench.copyFloor()
    }
}

/// The measurements, one clinic per measurement.
struct SyncMeasurements {
    let server: URL
    let database: DatabaseURL
    /// The same database as a `postgres://` URL with its password, for psql.
    let databaseText: String
    let logger: Logger
    let folder: String

    func enrolled(_ path: String, clinic: String, joining: Bool = false) async throws -> (ClinicStore, SyncRunner) {
        let store = try ClinicStore.open(at: path)
        let runner = SyncRunner(store: store, transport: HTTPSyncTransport(timeoutSeconds: 120))
        let code = try await ServerDatabase.withRunning(database, logger: logger) { db in
            let directory = ClinicDirectory(database: db)
            return joining ? try await directory.issueCode(forClinicNamed: clinic).code : try await directory.addClinic(named: clinic).code.code
        }
        _ = try await runner.enroll(server: server, code: code)
        return (store, runner)
    }

    /// A copy of the cached demo clinic with `patients` patients (enrolling changes the file).
    func demoCopy(patients: Int, name: String) throws -> String {
        let source = try BenchDatabase.open(patients: patients, seed: 20_261_121, folder: folder).path
        let copy = "\(folder)/\(name)-\(UUID().uuidString.prefix(6)).sqlite"
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        return copy
    }

    /// Pushes a clinic with `changes` waiting in its outbox; the clock stops when the outbox is empty.
    func push(changes: Int) async throws {
        // The demo's week of appointments writes about 13,000 changes; patients make up the rest.
        let path = try demoCopy(patients: max(1, changes - 13_000), name: "push")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (store, runner) = try await enrolled(path, clinic: "Push bench")
        let pending = try store.pendingChangeCount()
        let started = monotonicSeconds()
        let sync = Task { await runner.syncOnce() }
        while try store.pendingChangeCount() > 0 { try await Task.sleep(for: .milliseconds(20)) }
        let seconds = monotonicSeconds() - started
        _ = await sync.value
        print(String(format: "  push:          %7d changes in %6.1f s = %8.0f changes/s (batches of 500; whole patient rows as snapshots)",
                     pending, seconds, Double(pending) / seconds))
    }

    /// A fresh device pulls a whole clinic; rows per second (each row a patient or other record).
    func initialPull(rows: Int) async throws {
        let path = try demoCopy(patients: rows, name: "pull-source")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (source, uploader) = try await enrolled(path, clinic: "Pull bench")
        let uploadStart = monotonicSeconds()
        if let failure = await uploader.syncOnce() { throw BenchFailure("uploading the clinic failed: \(failure)") }
        let uploaded = try source.pendingChangeCount() == 0
        print(String(format: "  (uploading the %d-patient clinic took %.0f s%@)", rows, monotonicSeconds() - uploadStart, uploaded ? "" : ", incomplete"))
        let fresh = "\(folder)/pull-\(UUID().uuidString.prefix(6)).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: fresh + suffix) } }
        _ = try ClinicStore.create(at: fresh, clinicName: "Fresh", timeZone: .gmt, deviceName: "fresh")
        let (store, runner) = try await enrolled(fresh, clinic: "Pull bench", joining: true)
        let started = monotonicSeconds()
        if let failure = await runner.syncOnce() { throw BenchFailure("the pull failed: \(failure)") }
        let seconds = monotonicSeconds() - started
        let pulled = try store.searchPatients(text: "#RFC-\(Digits.padded(rows, 6))").count
        let changes = try await ServerDatabase.withRunning(database, logger: logger) { db in
            try await db.client.query("""
                SELECT count(*) FROM change_log WHERE clinic_id = (SELECT id FROM clinic WHERE name = 'Pull bench')
                """, logger: logger).collect().first?.decode(Int.self) ?? 0
        }
        print(String(format: "  initial pull:  %7d changes (%d patients and their records) in %6.1f s = %8.0f rows/s",
                     changes, rows, seconds, Double(changes) / seconds) + (pulled == 1 ? "" : "  (INCOMPLETE)"))
        var roundTrips: [Double] = []
        for _ in 0..<20 {
            let start = monotonicSeconds()
            _ = await runner.syncOnce()
            roundTrips.append(monotonicSeconds() - start)
        }
        print("  no-change sync round trip (push nothing, pull nothing): " + Latencies(samples: roundTrips).summary)
        rowsPerSecond.set(Double(changes) / seconds)
    }

    /// PostgreSQL's own COPY of the same change rows into a table of the same shape: the floor.
    func copyFloor() async throws {
        let url = databaseText
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clinicdesk-copy-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try BenchServer.psql(url, "\\copy (SELECT * FROM change_log WHERE clinic_id = (SELECT id FROM clinic WHERE name = 'Pull bench')) TO '\(file)' WITH (FORMAT csv)")
        try BenchServer.psql(url, "CREATE TABLE copy_target (LIKE change_log INCLUDING ALL)")
        let started = monotonicSeconds()
        try BenchServer.psql(url, "\\copy copy_target FROM '\(file)' WITH (FORMAT csv)")
        let seconds = monotonicSeconds() - started
        let rows = try BenchServer.psql(url, "SELECT count(*) FROM copy_target", capture: true).trimmingCharacters(in: .whitespacesAndNewlines)
        let copyRate = (Double(rows) ?? 0) / seconds
        print(String(format: "  floor: COPY of the same %@ change rows into PostgreSQL: %.1f s = %.0f rows/s", rows, seconds, copyRate))
        if let pull = rowsPerSecond.get() {
            print(String(format: "  initial pull ÷ COPY: %.2f× of the floor", pull / copyRate))
        }
    }

    private let rowsPerSecond = RateBox()
}

final class RateBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Double?
    func set(_ rate: Double) { lock.withLock { value = rate } }
    func get() -> Double? { lock.withLock { value } }
}

enum BenchServer {
    static func freePort() async throws -> Int {
        for _ in 0..<50 {
            let port = Int.random(in: 20_000...60_000)
            if (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8))?.contains(String(format: ":%04X ", port)) == false {
                return port
            }
        }
        throw BenchFailure("no free port")
    }

    @discardableResult
    static func psql(_ url: String, _ command: String, capture: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchFailure("psql failed: \(command)") }
        return String(decoding: data, as: UTF8.self)
    }
}
