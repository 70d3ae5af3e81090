import ClinicCore
import Foundation
import ClinicDeskLive
import ClinicStore
import FrontDesk
import ShippedKeymaps
import TerminalKit

/// Keystroke to redrawn frame in the lookup pane (reducer + search + render + diff), and the
/// duplicate check a registration runs, both over the benchmark's clinic.
enum LookupBench {
    static func keystrokes(store: ClinicStore, queries: [String]) async throws {
        let dependencies = try LiveDependencies.make(store: store, hasher: BenchDatabase.hasher, log: { _ in })
        let keymap = Keymap.load([KeymapSource(path: "keymaps/default.toml", text: ShippedKeymaps.all["default"]!)],
                                 catalog: AppCommands.catalog, contexts: AppContexts.all).keymap
        let runner = EffectRunner(dependencies: dependencies)
        var state = AppState(clinicName: dependencies.clinicName, keymap: keymap, dateOrder: .dayMonthYear,
                             size: Size(width: 120, height: 32), now: dependencies.now(), timeZone: dependencies.timeZone)
        guard let user = try store.credentials(username: "receptionist")?.user else { throw BenchFailure("no receptionist") }
        _ = reduce(&state, .shell(.signInAnswered(.signedIn(user))))
        _ = reduce(&state, .event(.key(KeyPress(.function(3)))))
        var frame = AppRenderer.render(state)
        var samples: [Double] = []
        for query in queries {
            _ = reduce(&state, .event(.key(KeyPress(.escape))))
            for character in query {
                let started = monotonicSeconds()
                for effect in reduce(&state, .event(.key(KeyPress(.char(character))))) {
                    guard case .patients(.search) = effect else { continue }
                    for answer in await runner.run(effect) { _ = reduce(&state, answer) }
                }
                let next = AppRenderer.render(state)
                _ = next.diff(from: frame)
                samples.append(monotonicSeconds() - started)
                frame = next
            }
        }
        print("  keystroke → frame in the lookup pane (reducer, search, render 120×32, diff): "
              + Latencies(samples: samples).summary + "   (\(samples.count) keys; goal p99 ≤ 16 ms)")
    }

    static func duplicateCheck(store: ClinicStore, count: Int, seed: UInt64, patients: Int) throws {
        var random = SplitMix64(state: seed ^ 0xD0_0B1E)
        var samples: [Double] = []
        var flagged = 0
        while samples.count < count {
            let serial = Int.random(in: 1...patients, using: &random)
            guard let existing = try store.searchPatients(text: "#RFC-\(Digits.padded(serial, 6))").first else { continue }
            var given = existing.givenName
            if given.count > 3 { given.remove(at: given.index(given.startIndex, offsetBy: Int.random(in: 1..<given.count, using: &random))) }
            let details = PatientDetails(familyName: existing.familyName, givenName: given, sex: existing.sex, birthDate: existing.birthDate)
            let started = monotonicSeconds()
            let candidates = try store.duplicateCandidates(for: details)
            samples.append(monotonicSeconds() - started)
            if ProcessInfo.processInfo.environment["BENCH_DEBUG"] != nil, samples.last! > 0.015 {
                print("slow \(Int(samples.last! * 1000)) ms: \(details.familyName) \(details.givenName) \(details.birthDate?.description ?? "-") candidates \(candidates.count)")
            }
            if candidates.contains(where: { $0.id == existing.id }) { flagged += 1 }
        }
        print("  duplicate check at registration: " + Latencies(samples: samples).summary
              + "   (\(count) look-alikes of existing patients, \(flagged) caught; goal p99 ≤ 20 ms)")
    }
}
