import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation

/// `clinicdesk-bench search`: 1,000 mixed patient searches through the store API.
struct SearchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Patient search latency.")

    @Option(help: "Patients in the demo database.")
    var patients = 1_000_000

    @Option(help: "Queries to time.")
    var queries = 1_000

    @Option(help: "Seed for the database and the query mix.")
    var seed: UInt64 = 20_261_121

    @Option(help: "Folder for cached benchmark databases.")
    var folder = ".build/bench"

    func run() async throws {
        let store = try BenchDatabase.open(patients: patients, seed: seed, folder: folder)
        let mix = try QueryMix.make(store: store, count: queries, seed: seed)
        // Warm the page cache with every query once (for the floor below too), so both are timed warm.
        for query in mix { _ = try store.searchPatients(text: query.text) }
        var byKind: [String: [Double]] = [:]
        var all: [Double] = []
        var found = 0
        var foundThePatient: [String: Int] = [:]
        for query in mix {
            let started = monotonicSeconds()
            let results = try store.searchPatients(text: query.text)
            let elapsed = monotonicSeconds() - started
            all.append(elapsed)
            byKind[query.kind, default: []].append(elapsed)
            if !results.isEmpty { found += 1 }
            if results.contains(where: { $0.id == query.patient }) { foundThePatient[query.kind, default: 0] += 1 }
        }
        print("patient search, \(patients) patients, \(mix.count) mixed queries (seed \(seed)), top 20 through ClinicStore.searchPatients:")
        print("  " + label("all") + Latencies(samples: all).summary
              + "   (\(found) of \(mix.count) found someone; goal p99 ≤ 5 ms)")
        for kind in byKind.keys.sorted() {
            print("  " + label(kind) + Latencies(samples: byKind[kind]!).summary
                  + "   (\(byKind[kind]!.count) queries, \(foundThePatient[kind, default: 0]) found their patient)")
        }
        try compareWithFloor(mix, store: store, storeLatencies: Latencies(samples: all))
        try compareWithLike(mix, store: store)
        try await LookupBench.keystrokes(store: store, queries: mix.filter { $0.kind == "name" }.prefix(200).map(\.text))
        try LookupBench.duplicateCheck(store: store, count: 1_000, seed: seed, patients: patients)
    }
}

extension SearchBench {
    /// The same queries as raw SQL through the C API (no ranking, no mapping): the floor.
    func compareWithFloor(_ mix: [QueryMix], store: ClinicStore, storeLatencies: Latencies) throws {
        let floor = try PatientSearchFloor(path: store.path)
        for query in mix.prefix(50) { _ = floor.run(query.text) }
        let samples = mix.map { query in measure { _ = floor.run(query.text) } }
        let raw = Latencies(samples: samples)
        print("  " + label("floor") + raw.summary + "   (raw FTS5/index SQL via the C API, unranked)")
        print(String(format: "  store ÷ floor: p50 %.2f×, p99 %.2f× (goal ≤ 1.5× at p99)",
                     storeLatencies.percentile(50) / raw.percentile(50), storeLatencies.percentile(99) / raw.percentile(99)))
    }

    /// What typical systems do for names (LIKE '%…%' over the names, ordered by name), on 100 name queries.
    func compareWithLike(_ mix: [QueryMix], store: ClinicStore) throws {
        let floor = try PatientSearchFloor(path: store.path)
        let names = mix.filter { $0.kind == "name" }.prefix(100)
        let like = Latencies(samples: names.map { query in measure { _ = floor.like(query.text) } })
        let ours = Latencies(samples: names.map { query in measure { _ = try? store.searchPatients(text: query.text) } })
        print("  " + label("LIKE") + like.summary + "   (\(names.count) name queries as LIKE '%…%' ordered by name)")
        print(String(format: "  LIKE ÷ store on the same names: p50 %.0f×, p99 %.0f×",
                     like.percentile(50) / ours.percentile(50), like.percentile(99) / ours.percentile(99)))
    }
}

/// `name` padded to the width of the widest query kind, so the figures line up.
func label(_ name: String) -> String {
    name.padding(toLength: QueryMix.kindWidth, withPad: " ", startingAt: 0)
}

/// Seconds `body` takes.
func measure(_ body: () -> Void) -> Double {
    let started = monotonicSeconds()
    body()
    return monotonicSeconds() - started
}
