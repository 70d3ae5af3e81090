import ClinicCore
import ClinicDemo
import ClinicStore
import Foundation
import PasswordHashing

/// The demo database a benchmark runs against, built once and kept under `.build/bench/`.
enum BenchDatabase {
    /// Real Argon2id with tiny costs: building and signing in stay quick, the code path is the live one.
    static let hasher = Argon2idHasher.fastForTests()

    /// Opens (building it first if needed) the demo clinic with `patients` patients.
    static func open(patients: Int, seed: UInt64, folder: String) throws -> ClinicStore {
        try ClinicStore.open(at: try built(patients: patients, seed: seed, folder: folder))
    }

    /// A copy of the demo clinic that a benchmark may change, named `name` in `folder`; remove it with ``remove(_:)``.
    static func scratchCopy(patients: Int, seed: UInt64, folder: String, name: String) throws -> String {
        let source = try built(patients: patients, seed: seed, folder: folder)
        let copy = "\(folder)/\(name)-\(getpid()).sqlite"
        remove(copy)
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        return copy
    }

    /// Deletes a database file with its WAL and shared-memory files.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The cached demo database's path, building it first if needed (it is never left open, so it can be copied).
    private static func built(patients: Int, seed: UInt64, folder: String) throws -> String {
        let path = "\(folder)/demo-\(patients)-\(seed)-schema\(ClinicSchema.version)-r4.sqlite"
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            print("building \(patients) patient demo database at \(path) …")
            let started = Date()
            _ = try DemoClinic(options: .init(patients: patients, seed: seed, timeZone: TimeZone(identifier: "UTC")!),
                               hasher: hasher).build(at: path + ".partial")
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + ".partial" + suffix) }
            try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
            print(String(format: "  built in %.1f s", Date().timeIntervalSince(started)))
        }
        return path
    }
}

/// Latency statistics of a list of samples in seconds.
struct Latencies {
    var samples: [Double]

    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// `p50 0.41 ms  p99 2.10 ms  max 3.02 ms`.
    var summary: String {
        String(format: "p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms", percentile(50) * 1000, percentile(99) * 1000,
               (samples.max() ?? 0) * 1000)
    }
}

/// Monotonic time for measurements.
func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
}
