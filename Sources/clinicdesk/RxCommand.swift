import ArgumentParser
import ClinicCore
import ClinicData
import Foundation

/// `clinicdesk rx …`: prescribing tools that need no database.
struct RxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rx", abstract: "Prescribing tools: checks, slips and verification.",
        subcommands: [RxCheckCommand.self, RxPrintCommand.self, RxVerifyCommand.self]
    )
}

/// `clinicdesk rx check DRUG [--allergy S]... [--taking "DRUG [STRENGTH]"]... [--sig TEXT] [--json]`:
/// the prescribing checks without a patient, for pharmacists and scripts.
struct RxCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a drug against allergies, current medicines and a sig, offline.",
        discussion: """
            Prints each alert, most serious first, and exits 1; with no alert it prints nothing (with --json, an \
            empty array) and exits 0. A drug, allergen or sig word it does not know is an error (exit 2), with \
            close suggestions.
            """
    )

    @Argument(help: "The drug to prescribe, optionally with its strength (\"amoxicillin 500 mg\").")
    var drug: String

    @Option(name: .customLong("allergy"), help: "A drug or class the patient is allergic to (repeatable).")
    var allergies: [String] = []

    @Option(name: .customLong("taking"), help: "A medicine the patient takes, \"DRUG [STRENGTH]\" (repeatable).")
    var taking: [String] = []

    @Option(help: "The directions in shorthand, such as \"1 tab po bid x7d\".")
    var sig: String?

    @Flag(help: "Print the alerts as a JSON array of {kind, severity, drugs, message, advice}.")
    var json = false

    func run() throws {
        let reference = ShippedPrescribingData.reference
        let formulary = reference.formulary
        var unknown: [String] = []
        let item = Self.split(drug)
        let current = taking.map(Self.split)
        for (name, role) in [(item.name, "")] + current.map { ($0.name, " (taking)") }
        where formulary.drug(named: name) == nil {
            unknown.append(Self.unknown(name, role: role, formulary: formulary))
        }
        var recorded: [Allergy] = []
        for substance in allergies {
            if formulary.drug(named: substance) != nil {
                recorded.append(Self.allergy(substance, .drug))
            } else if formulary.drugClass(named: substance) != nil {
                recorded.append(Self.allergy(substance, .drugClass))
            } else {
                unknown.append(Self.unknown(substance, role: " (allergy)", formulary: formulary))
            }
        }
        var route = ""
        if let sig {
            do {
                route = try SigParser(vocabulary: reference.sig).parse(sig).route?.route ?? ""
            } catch {
                // Do-not-use abbreviations come back as alerts; anything else cannot be checked.
                let unreadable = error.problems.filter { if case .doNotUse = $0 { false } else { true } }
                if !unreadable.isEmpty { unknown.append("The sig cannot be read: \(SigError(problems: unreadable))") }
            }
        }
        guard unknown.isEmpty else {
            FileHandle.standardError.write(Data(unknown.map { "Error: \($0)\n" }.joined().utf8))
            throw ExitCode(2)
        }
        let check = PrescribingCheck(
            newItems: [PrescriptionLine(drug: item.name, strength: item.strength, route: route, sig: sig ?? "")],
            currentMedicines: current.map {
                PrescriptionLine(drug: $0.name, strength: $0.strength, route: "", sig: "")
            },
            allergies: recorded, allergyStatus: recorded.isEmpty ? .noKnownAllergies : .recorded
        )
        let alerts = PrescribingChecker(reference: reference).check(check)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(alerts.isEmpty ? "[]" : String(decoding: try encoder.encode(alerts), as: UTF8.self))
        } else {
            for alert in alerts {
                print(
                    "\(alert.severity.rawValue.uppercased()) \(alert.kind): \(alert.message)\n  Advice: \(alert.advice)"
                )
            }
        }
        if !alerts.isEmpty { throw ExitCode(1) }
    }

    /// `"amoxicillin 500 mg"` → ("amoxicillin", "500 mg"): the strength starts at the first number.
    static func split(_ text: String) -> (name: String, strength: String) {
        let words = text.split(separator: " ")
        guard let first = words.firstIndex(where: { $0.first?.isNumber == true || $0.first == "." }), first > 0 else {
            return (text.trimmingCharacters(in: .whitespaces), "")
        }
        return (words[..<first].joined(separator: " "), words[first...].joined(separator: " "))
    }

    static func unknown(_ name: String, role: String, formulary: Formulary) -> String {
        let hint = formulary.didYouMean(name).map { " " + $0 } ?? ""
        return "“\(name)”\(role) is not in the formulary.\(hint)"
    }

    static func allergy(_ substance: String, _ kind: AllergenKind) -> Allergy {
        Allergy(
            id: EntityID(UUID()), patientID: EntityID(UUID()), substance: substance, substanceKind: kind, reaction: "",
            severity: .unknown, recordedAt: Date(), recordedBy: nil)
    }
}
