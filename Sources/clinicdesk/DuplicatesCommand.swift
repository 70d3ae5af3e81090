import ArgumentParser
import ClinicCore
import ClinicStore
import Foundation

/// `clinicdesk duplicates scan`: likely duplicate patients across the whole clinic, for an admin
/// to check and merge (two offline registrations of one person, an import, a typing slip).
struct DuplicatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates", abstract: "Find likely duplicate patient records.", subcommands: [DuplicatesScan.self])
}

struct DuplicatesScan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "List likely duplicate pairs across all patients, best first, with their score and reasons.",
        discussion: """
            Pairs are scored as registration scores a new patient against the clinic (the same phone or \
            identifier, a name that sounds alike with a close date of birth…); only pairs at or above the \
            threshold (\(DuplicateCheck.threshold)) are listed.
            """)

    @Flag(help: "Comma-separated values with a header row.")
    var csv = false

    @Option(help: "Show at most this many pairs (default: all).")
    var limit: Int?

    @OptionGroup var signedIn: SignedInUser
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.openStore()
        _ = try signedIn.user(in: store, may: .mergePatients)
        let started = Date()
        let scanned = try store.duplicateScanInput()
        let pairs = ImportDuplicates.pairs(probes: scanned.map(\.probe), nameBlocks: true, largestBlock: 2_000)
            // Best first; pairs of equal score by the first patient's MRN.
            .sorted { $0.score != $1.score ? $0.score > $1.score : scanned[$0.first].patient.mrn < scanned[$1.first].patient.mrn }
        let shown = limit.map { Array(pairs.prefix(max($0, 0))) } ?? pairs
        func describe(_ patient: ScannedPatient) -> [String] {
            [patient.mrn.description, patient.name, patient.birthDate.map { "\($0.isEstimated ? "~" : "")\($0.date)" } ?? ""]
        }
        if csv {
            print(CSVLine.join(["score", "mrn", "name", "born", "other mrn", "other name", "other born", "why"]))
            for pair in shown {
                print(CSVLine.join(["\(pair.score)"] + describe(scanned[pair.first].patient) + describe(scanned[pair.second].patient)
                    + [pair.reasons.joined(separator: "; ")]))
            }
            return
        }
        print(String(format: "%d likely duplicate pair%@ among %d patients (%.1f s)", pairs.count, pairs.count == 1 ? "" : "s",
                     scanned.count, Date().timeIntervalSince(started)))
        for pair in shown {
            let a = scanned[pair.first].patient
            let b = scanned[pair.second].patient
            print("  \(pair.score)  \(a.mrn) \(a.name)  ~  \(b.mrn) \(b.name)  (\(pair.reasons.joined(separator: ", ")))")
        }
        if shown.count < pairs.count { print("  … and \(pairs.count - shown.count) more (--limit)") }
    }
}
