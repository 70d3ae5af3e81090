import ArgumentParser
import ClinicCore
import ClinicData
import Foundation

/// `clinicdesk-bench prescribing`: the offline prescribing checks and formulary search as you type.
struct PrescribingBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prescribing", abstract: "Prescribing check and formulary search latency."
    )

    @Option(help: "Prescriptions to check.")
    var checks = 2_000

    @Option(help: "Names to type, one keystroke at a time.")
    var names = 300

    @Option(help: "Seed for the prescriptions and names.")
    var seed: UInt64 = 20_261_201

    func run() throws {
        let loads = (0..<10).map { _ in measure { _ = try? ShippedPrescribingData.load() } }
        let reference = ShippedPrescribingData.reference
        let formulary = reference.formulary
        print(
            "prescribing, \(formulary.drugs.count) formulary entries, \(reference.interactions.rules.count) interaction rules:"
        )
        print("  load and cross-check the reference  " + Latencies(samples: loads).summary + "   (once at start-up)")
        try checkLatency(reference)
        searchLatency(formulary)
        sigLatency(reference)
    }

    /// A 5-item prescription against 20 current medicines and 5 allergies, drawn at random.
    private func checkLatency(_ reference: PrescribingReference) throws {
        var random = SplitMix64(state: seed)
        let prescribable = reference.formulary.drugs.filter { !$0.isIngredientOnly }
        let allergens = [
            "penicillin", "sulfa", "NSAIDs", "morphine", "amoxicillin", "aspirin", "codeine", "cephalosporins",
            "macrolides", "ACE inhibitors", "peanut", "latex", "tetracyclines", "ciprofloxacin",
        ]
        let checker = PrescribingChecker(reference: reference)
        let requests = (0..<checks).map { _ in
            PrescribingCheck(
                newItems: (0..<5).map { _ in line(prescribable.randomElement(using: &random)!, &random) },
                currentMedicines: (0..<20).map { _ in line(prescribable.randomElement(using: &random)!, &random) },
                allergies: (0..<5).map { _ in
                    Allergy(
                        id: EntityID(UUID()), patientID: EntityID(UUID()),
                        substance: allergens.randomElement(using: &random)!,
                        substanceKind: .drug, reaction: "rash", severity: .moderate, recordedAt: Date(), recordedBy: nil
                    )
                },
                allergyStatus: .recorded)
        }
        for request in requests.prefix(100) { _ = checker.check(request) }
        var alerts = 0
        let samples = requests.map { request in measure { alerts += checker.check(request).count } }
        print(
            "  check 5 items × 20 current, 5 allergies  " + Latencies(samples: samples).summary
                + String(
                    format: "   (%d checks, %.1f alerts each; goal p99 ≤ 1 ms)", samples.count,
                    Double(alerts) / Double(samples.count)))
    }

    private func line(_ drug: Drug, _ random: inout SplitMix64) -> PrescriptionLine {
        let presentation = drug.presentations.randomElement(using: &random)
        return PrescriptionLine(
            drug: drug.name, strength: presentation?.strengths.first ?? "", form: presentation?.form ?? "",
            route: "", sig: Self.sigs.randomElement(using: &random)!)
    }

    /// Directions as prescribers type them, some of which do not fit the drawn form.
    private static let sigs = [
        "1 tab po bid x7d", "1 tab po daily", "1-2 tabs po q4-6h prn pain max 8 tabs/24h x5d", "500 mg po tid pc x 5 days",
        "1 cap po qid x7d", "10 mL po tid x 7 days", "1 tab sl prn chest pain", "2 puffs inh qid prn",
        "1 tab po qhs x 30 days", "apply bid x14d",
    ]

    /// Every prefix of names and synonyms, one keystroke at a time, as the entry screen types them.
    private func searchLatency(_ formulary: Formulary) {
        var random = SplitMix64(state: seed ^ 0x5EA7C4)
        let pool = formulary.drugs.flatMap { [$0.name] + $0.synonyms }
        let typed = (0..<names).map { _ in pool.randomElement(using: &random)! }
        for name in typed.prefix(20) { _ = formulary.search(name) }
        var samples: [Double] = []
        for name in typed {
            for length in 1...name.count {
                let query = String(name.prefix(length))
                samples.append(measure { _ = formulary.search(query) })
            }
        }
        let misses = typed.prefix(50).map { name in measure { _ = formulary.suggestions(for: name + "x") } }
        print(
            "  formulary search as you type          " + Latencies(samples: samples).summary
                + "   (\(samples.count) keystrokes over \(typed.count) names and synonyms; goal p99 ≤ 5 ms)")
        print(
            "  did-you-mean for an unknown name      " + Latencies(samples: misses).summary
                + "   (\(misses.count) names)")
    }

    private func sigLatency(_ reference: PrescribingReference) {
        let parser = SigParser(vocabulary: reference.sig)
        let sigs = [
            "1 tab po bid pc x7d", "1-2 tabs po q4-6h prn pain max 8 tabs/24h x5d", "2 puffs inh qid prn",
            "10 mL po tid x 7 days", "2 gtts each eye qid x7d", "1 patch transdermal q72h x 30 days",
        ]
        let samples = (0..<1_000).map { index in measure { _ = try? parser.parse(sigs[index % sigs.count]) } }
        print(
            "  sig shorthand to words                " + Latencies(samples: samples).summary
                + "   (\(samples.count) sigs)")
    }
}
