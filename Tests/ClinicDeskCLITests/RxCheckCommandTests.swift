import Foundation
import Testing

/// `clinicdesk rx check` as a pharmacist or a script runs it: no database, alerts on standard output.
@Suite("clinicdesk rx check", .serialized)
struct RxCheckCommandTests {
    @Test func noAlertPrintsNothingAndExitsZero() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let result = try runner.run([
            "rx", "check", "paracetamol 500 mg", "--taking", "ibuprofen 400 mg", "--sig", "1-2 tabs po q6h prn pain",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "")
        #expect(result.error == "")
    }

    @Test func alertsArePrintedMostSeriousFirstWithTheirAdvice() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let result = try runner.run([
            "rx", "check", "co-trimoxazole", "--taking", "warfarin 3 mg", "--taking", "methotrexate 10 mg",
        ])
        #expect(result.status == 1)
        #expect(
            result.output == """
                CONTRAINDICATED interaction: methotrexate with co-trimoxazole (trimethoprim): Methotrexate toxicity: bone-marrow suppression, mucositis, kidney injury.
                  Advice: Do not combine; choose another antibiotic (nitrofurantoin for a urine infection).
                MAJOR interaction: warfarin with co-trimoxazole (sulfamethoxazole): The anticoagulant effect rises (INR goes up): bleeding.
                  Advice: Avoid co-trimoxazole with warfarin; if it must be used, check the INR within 3–5 days and reduce the warfarin dose.

                """)
    }

    @Test func jsonGivesKindSeverityDrugsMessageAndAdvice() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let result = try runner.run([
            "rx", "check", "co-amoxiclav", "--allergy", "penicillin", "--sig", "1 tab po tid x5d", "--json",
        ])
        #expect(result.status == 1, "\(result.error)")
        let alerts = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(alerts.count == 1)
        let alert = try #require(alerts.first)
        #expect(Set(alert.keys) == ["kind", "severity", "drugs", "message", "advice"])
        #expect(alert["kind"] as? String == "allergy")
        #expect(alert["severity"] as? String == "interruptive")
        #expect(alert["drugs"] as? [String] == ["co-amoxiclav (amoxicillin)", "penicillin"])
        #expect(
            alert["message"] as? String
                == "co-amoxiclav (amoxicillin) is one of the penicillins: recorded allergy to penicillin.")

        let none = try runner.run(["rx", "check", "amoxicillin", "--json"])
        #expect(none.status == 0)
        #expect(none.output == "[]\n", "an empty JSON array")
    }

    @Test func doNotUseAbbreviationsAndMismatchedSigsAreAlerts() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let qd = try runner.run(["rx", "check", "warfarin 1 mg", "--sig", "1 tab po QD"])
        #expect(qd.status == 1)
        #expect(
            qd.output == """
                INTERRUPTIVE do-not-use-abbreviation: warfarin 1 mg: “QD” in the sig must not be used (mistaken for QID (four times a day)).
                  Advice: Write “daily” instead (The Joint Commission).

                """)
        let puffs = try runner.run(["rx", "check", "amoxicillin", "--sig", "2 puffs inh bid", "--json"])
        let alerts = try #require(try JSONSerialization.jsonObject(with: Data(puffs.output.utf8)) as? [[String: Any]])
        #expect(alerts.map { $0["kind"] as? String } == ["dose-form-mismatch", "dose-form-mismatch"])
    }

    @Test func anUnknownNameIsAnErrorWithSuggestions() throws {
        let runner = try CommandRunner()
        defer { runner.remove() }
        let result = try runner.run(["rx", "check", "amoxicilin", "--taking", "warfarinn", "--allergy", "Zorbex"])
        #expect(result.status == 2)
        #expect(result.output == "")
        let lines = result.error.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("Error: “amoxicilin” is not in the formulary. Did you mean amoxicillin"))
        #expect(lines[1] == "Error: “warfarinn” (taking) is not in the formulary. Did you mean warfarin?")
        #expect(lines[2] == "Error: “Zorbex” (allergy) is not in the formulary.")

        let sig = try runner.run(["rx", "check", "amoxicillin", "--sig", "1 tab po bdi"])
        #expect(sig.status == 2)
        #expect(sig.error == "Error: The sig cannot be read: “bdi” is not a sig word (did you mean “bd”?).\n")
    }
}
