import ClinicCore
import Testing

@Suite("Prescribing checks: duplicates, forms, do-not-use, unknown drugs")
struct DuplicateAndLineCheckTests {
    @Test func paracetamolInACombinationPlusParacetamolIsADuplicate() throws {
        let alert = try #require(Rx.check(["co-codamol"], taking: ["Panadol"]).only)
        #expect(alert.kind == .duplicateTherapy && alert.severity == .major)
        #expect(alert.message == "co-codamol and Panadol both contain paracetamol.")
        #expect(alert.advice.contains("4 g a day"))
        #expect(Rx.check(["paracetamol"], taking: ["co-codamol"]) == Rx.check(["co-codamol"], taking: ["paracetamol"]))
    }

    @Test func twoNSAIDsOrAnACEInhibitorWithAnARBAreDuplicates() throws {
        let nsaids = try #require(Rx.check(["naproxen"], taking: ["ibuprofen"]).only)
        #expect(nsaids.message == "ibuprofen and naproxen are both NSAIDs.")
        #expect(nsaids.severity == .major)
        let ras = try #require(Rx.check(["losartan"], taking: ["lisinopril"]).only)
        #expect(ras.message == "lisinopril and losartan are both renin–angiotensin system blockers.")
        let nurofenPlus = Rx.check(["Nurofen Plus"], taking: ["naproxen"])
        #expect(nurofenPlus.map(\.message) == ["naproxen and Nurofen Plus (ibuprofen) are both NSAIDs."])
        #expect(Rx.check(["amlodipine"], taking: ["ramipril"]).isEmpty, "different classes are not duplicates")
    }

    @Test func theSameDrugTwiceIsADuplicate() throws {
        let alert = try #require(Rx.check(["amoxicillin"], taking: ["amoxicillin"]).only)
        #expect(alert.message == "amoxicillin appears twice (new, and already taken).")
    }

    @Test func aFormOrStrengthTheDrugDoesNotComeInIsAMismatch() {
        let alerts = Rx.check(Rx.line("amoxicillin", "875 mg", form: "capsule", sig: "1 tab po tid x7d"))
        #expect(alerts.map(\.kind) == [.doseFormMismatch, .doseFormMismatch])
        #expect(
            Set(alerts.map(\.message)) == [
                "amoxicillin 875 mg capsule: 875 mg is not a listed strength (250 mg, 500 mg).",
                "amoxicillin 875 mg capsule: the sig doses in tablets, which does not fit capsule (capsule).",
            ])
        #expect(
            Rx.check(Rx.line("amoxicillin", form: "transdermal patch")).map(\.message) == [
                "amoxicillin transdermal patch: “transdermal patch” is not a form amoxicillin comes in (capsule, tablet, dispersible tablet, oral suspension, injection)."
            ])
        let inhaler = Rx.check(Rx.line("salbutamol", form: "inhaler", route: "po", sig: "2 puffs po prn"))
        #expect(
            inhaler.map(\.message) == [
                "salbutamol inhaler: the sig gives it by mouth, which does not fit inhaler (inhaled)."
            ],
            "a route the line and the sig both give is reported once")
        let route = Rx.check(Rx.line("salbutamol", form: "inhaler", route: "oral", sig: "2 puffs inh prn"))
        #expect(route.map(\.message) == ["salbutamol inhaler: route “oral” does not fit inhaler (inhaled)."])
        #expect(
            Rx.check(Rx.line("amoxicillin", "500mg", form: "Capsule", route: "oral", sig: "1 cap po tid x5d")).isEmpty)
        #expect(
            Rx.check(
                Rx.line("salbutamol", "100 mcg/dose", form: "inhaler", route: "inhaled", sig: "2 puffs inh qid prn")
            ).isEmpty)
    }

    @Test func doNotUseAbbreviationsInAnyFieldAreInterruptive() {
        let alerts = Rx.check(Rx.line("warfarin", "1.0 mg", form: "tablet", sig: "take .5 tab QD"))
        #expect(alerts.allSatisfy { $0.kind == .doNotUseAbbreviation && $0.severity == .interruptive })
        #expect(
            Set(alerts.map(\.message)) == [
                "warfarin 1.0 mg tablet: “1.0” in the strength must not be used (a trailing zero is read as ten times the dose when the point is missed).",
                "warfarin 1.0 mg tablet: “QD” in the sig must not be used (mistaken for QID (four times a day)).",
                "warfarin 1.0 mg tablet: “.5” in the sig must not be used (a missing leading zero is read as ten times the dose when the point is missed).",
            ])
        #expect(alerts.contains { $0.advice == "Write “daily” instead (The Joint Commission)." })
        let insulin = Rx.check(Rx.line("insulin glargine", "100 units/mL", form: "injection", sig: "10 U subcut qhs"))
        #expect(
            insulin.map(\.message) == [
                "insulin glargine 100 units/mL injection: “U” in the sig must not be used (mistaken for 0, 4 or cc)."
            ])
        #expect(Rx.check(Rx.line("MSO4")).map(\.kind).contains(.doNotUseAbbreviation))
    }

    @Test func unknownDrugsAreReportedNeverPassedSilently() throws {
        let new = try #require(Rx.check(["amoxicilin"]).only)
        #expect(new.kind == .unknownDrug && new.severity == .interruptive)
        #expect(
            new.message.hasPrefix(
                "“amoxicilin” is not in the formulary: allergy, interaction and duplicate checks did not run for it. Did you mean amoxicillin"
            ))
        let current = try #require(Rx.check(["paracetamol"], taking: ["herbal tea"]).only)
        #expect(current.kind == .unknownDrug && current.severity == .warning)
        #expect(
            current.message
                == "“herbal tea” (current medicine) is not in the formulary: interactions with it were not checked.")
        #expect(Rx.check([""]).only?.message == "A line (new item) has no drug name.")
        #expect(Rx.check(["amoxicillin 500 mg"]).isEmpty, "a strength typed after the name still finds the drug")
    }

    @Test func alertsComeMostSeriousFirst() {
        let alerts = Rx.check(
            ["co-trimoxazole", "naproxen"], taking: ["warfarin", "methotrexate", "ibuprofen", "herbal tea"],
            allergies: [Rx.allergy("sulfa", .drugClass)])
        #expect(alerts.map(\.severity) == alerts.map(\.severity).sorted())
        #expect(alerts.first?.severity == .contraindicated)
        #expect(alerts.last?.severity == .warning)
    }
}
